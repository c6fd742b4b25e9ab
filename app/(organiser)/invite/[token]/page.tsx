import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { findInvite } from "@/lib/invites/find-invite";
import { inviteFingerprint } from "@/lib/invites/invite-version";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../../page-shell";
import { SsoSignIn } from "../../signin/sso-sign-in";
import { AcceptForm } from "./accept-form";
import { acceptInviteAction, createAccountAndAccept } from "./actions";
import { CreateAccountForm } from "./create-account-form";

export async function generateMetadata() {
  const t = await getTranslations("account.invite");
  return { title: t("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const db = await sharedDatabase();
  const [invite, account] = await Promise.all([findInvite(db.read, token), currentAccount()]);
  const t = await getTranslations("account.invite");
  // An invitation that can be used follows it while open: revoked, used, expired, or the event renamed.
  const follow = <VersionFollower url={`/invite/${encodeURIComponent(token)}/version`} version={inviteFingerprint(invite)} />;

  if (invite?.status !== "valid") {
    const why = !invite
      ? { title: t("unknownTitle"), body: t("unknownBody") }
      : invite.status === "used"
        ? { title: t("usedTitle"), body: t("usedBody") }
        : { title: t("expiredTitle"), body: t("expiredBody") };
    const alreadyIn = invite && account ? await staffRole(db.read, invite.event.id, account.id) : null;
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6 sm:p-8">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{why.title}</h1>
          <p className="text-ink-soft">{why.body}</p>
          {alreadyIn && invite ? (
            <Link href={`/o/${invite.event.slug}`} className="btn btn-primary">
              {t("goToEvent", { event: invite.event.name })}
            </Link>
          ) : (
            <Link href="/" className="btn btn-secondary">
              {t("goHome")}
            </Link>
          )}
        </div>
      </PageShell>
    );
  }

  const heading = (
    <div className="space-y-2">
      <p className="eyebrow">{t("invitedEyebrow")}</p>
      <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-4xl">
        {t("heading", { role: invite.role, event: invite.event.name })}
      </h1>
      <p className="text-ink-soft" data-testid="invited-by">
        {invite.invitedBy
          ? t.rich("invitedBy", {
              role: invite.role,
              name: invite.invitedBy,
              strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
            })
          : t("invitedByOrganiser", { role: invite.role })}
      </p>
    </div>
  );

  if (account) {
    const current = await staffRole(db.read, invite.event.id, account.id);
    return (
      <PageShell width="narrow">
        {follow}
        <div className="card space-y-5 p-6 sm:p-8">
          {heading}
          <p className="text-ink-soft">
            {t.rich("signedInAs", {
              name: account.name,
              email: account.email,
              strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
            })}
            {current === "organiser"
              ? ` ${t("alreadyOrganiser")}`
              : current === "facilitator" && invite.role === "facilitator"
                ? ` ${t("alreadyFacilitator")}`
                : ""}
          </p>
          <AcceptForm
            action={acceptInviteAction.bind(null, token)}
            label={t("join", { role: invite.role, event: invite.event.name })}
          />
          <p className="text-sm text-ink-soft">{t("notYou")}</p>
        </div>
      </PageShell>
    );
  }

  return (
    <PageShell>
      {follow}
      <div className="mx-auto max-w-3xl space-y-6">
        <div className="card p-6 sm:p-8">{heading}</div>
        <div className="grid items-start gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section aria-labelledby="new-account-heading" className="card space-y-5 p-6 sm:p-8">
            <h2 id="new-account-heading" className="text-xl font-bold tracking-tight">
              {t("newHeading")}
            </h2>
            <SsoSignIn invite={token} />
            {passwordsEnabled() && <CreateAccountForm action={createAccountAndAccept.bind(null, token)} />}
          </section>
          <section aria-labelledby="have-account-heading" className="card space-y-4 p-6 sm:p-8">
            <h2 id="have-account-heading" className="text-xl font-bold tracking-tight">
              {t("haveHeading")}
            </h2>
            <p className="text-ink-soft">{t("haveBody")}</p>
            <Link href={`/signin?next=${encodeURIComponent(`/invite/${token}`)}`} className="btn btn-secondary w-full">
              {t("signIn")}
            </Link>
          </section>
        </div>
      </div>
    </PageShell>
  );
}
