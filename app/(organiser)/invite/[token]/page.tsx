import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { sharedDatabase } from "@/db";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { findInvite } from "@/lib/invites/find-invite";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../../page-shell";
import { SsoSignIn } from "../../signin/sso-sign-in";
import { AcceptForm } from "./accept-form";
import { acceptInviteAction, createAccountAndAccept } from "./actions";
import { CreateAccountForm } from "./create-account-form";

export const metadata: Metadata = { title: "Invitation" };

const roleNames = { organiser: "a co-organiser", facilitator: "a facilitator" } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const db = await sharedDatabase();
  const [invite, account] = await Promise.all([findInvite(db.read, token), currentAccount()]);

  if (invite?.status !== "valid") {
    const why = !invite
      ? {
          title: "This invitation link doesn't work",
          body: "It may have been mistyped, cut short by an email program, or revoked by the organiser. Ask them for a new link.",
        }
      : invite.status === "used"
        ? {
            title: "This invitation has already been used",
            body: "Each invitation link lets one person in. If that wasn't you, ask the organiser for a new link.",
          }
        : {
            title: "This invitation has expired",
            body: "Each invitation link works for a set number of days. Ask the organiser for a new one.",
          };
    const alreadyIn = invite && account ? await staffRole(db.read, invite.event.id, account.id) : null;
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6 sm:p-8">
          <p className="eyebrow">Invitation</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{why.title}</h1>
          <p className="text-ink-soft">{why.body}</p>
          {alreadyIn && invite ? (
            <Link href={`/o/${invite.event.slug}`} className="btn btn-primary">
              Go to {invite.event.name}
            </Link>
          ) : (
            <Link href="/" className="btn btn-secondary">
              Go to the home page
            </Link>
          )}
        </div>
      </PageShell>
    );
  }

  const as = roleNames[invite.role];
  const heading = (
    <div className="space-y-2">
      <p className="eyebrow">You're invited</p>
      <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-4xl">
        Help run {invite.event.name} as {as}
      </h1>
      <p className="text-ink-soft" data-testid="invited-by">
        {invite.invitedBy ? (
          <>
            <strong className="text-ink">{invite.invitedBy}</strong> invited you
          </>
        ) : (
          "An organiser of the event invited you"
        )}
        {invite.role === "facilitator"
          ? ". Once you accept, you go straight to the facilitator console: phases, timer, boards and votes."
          : ". Once you accept, you go to the event's admin page."}
      </p>
    </div>
  );

  if (account) {
    const current = await staffRole(db.read, invite.event.id, account.id);
    return (
      <PageShell width="narrow">
        <div className="card space-y-5 p-6 sm:p-8">
          {heading}
          <p className="text-ink-soft">
            You're signed in as <strong className="text-ink">{account.name}</strong> ({account.email}).
            {current === "organiser"
              ? " You already organise this event; accepting keeps you an organiser."
              : current === "facilitator" && invite.role === "facilitator"
                ? " You already facilitate this event."
                : ""}
          </p>
          <AcceptForm action={acceptInviteAction.bind(null, token)} label={`Join ${invite.event.name} as ${invite.role}`} />
          <p className="text-sm text-ink-soft">
            Not you? Sign out using the button at the top of the page, then open this link again.
          </p>
        </div>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <div className="mx-auto max-w-3xl space-y-6">
        <div className="card p-6 sm:p-8">{heading}</div>
        <div className="grid items-start gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section aria-labelledby="new-account-heading" className="card space-y-5 p-6 sm:p-8">
            <h2 id="new-account-heading" className="text-xl font-bold tracking-tight">
              New to Made In? Create an account
            </h2>
            <SsoSignIn invite={token} />
            {passwordsEnabled() && <CreateAccountForm action={createAccountAndAccept.bind(null, token)} />}
          </section>
          <section aria-labelledby="have-account-heading" className="card space-y-4 p-6 sm:p-8">
            <h2 id="have-account-heading" className="text-xl font-bold tracking-tight">
              Already have an account?
            </h2>
            <p className="text-ink-soft">Sign in and you'll come straight back here to accept.</p>
            <Link href={`/signin?next=${encodeURIComponent(`/invite/${token}`)}`} className="btn btn-secondary w-full">
              Sign in
            </Link>
          </section>
        </div>
      </div>
    </PageShell>
  );
}
