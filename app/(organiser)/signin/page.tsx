import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { isSetUp } from "@/lib/accounts/first-organiser";
import { leadsToBigScreen, safeNextPath } from "@/lib/accounts/next-path";
import { currentAccount } from "@/lib/auth/web-session";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../page-shell";
import { SignInForm } from "./sign-in-form";
import { SsoSignIn } from "./sso-sign-in";

export async function generateMetadata() {
  const t = await getTranslations("account.signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{
    next?: string | string[];
    reset?: string | string[];
    sso?: string | string[];
    signedOut?: string | string[];
  }>;
}) {
  await connection();
  const query = await searchParams;
  const next = safeNextPath(query.next);
  if (await currentAccount()) redirect(next);
  // A fresh install has nobody to sign in as, nor anyone to send an invitation: the first
  // organiser sets Made In up (a refused single sign-on says why there).
  if (!(await isSetUp((await sharedDatabase()).read))) {
    redirect(typeof query.sso === "string" ? `/setup?sso=${encodeURIComponent(query.sso)}` : "/setup");
  }
  const t = await getTranslations("account.signIn");

  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        {leadsToBigScreen(next) ? (
          <div className="space-y-2" data-testid="signin-big-screen">
            <p className="eyebrow">{t("bigScreenEyebrow")}</p>
            <h1 className="text-3xl font-extrabold tracking-tight">{t("bigScreenHeading")}</h1>
            <p>{t("bigScreenBody")}</p>
            <p className="text-ink-soft">{t("bigScreenTakingPart")}</p>
          </div>
        ) : (
          <div className="space-y-2">
            <p className="eyebrow">{t("eyebrow")}</p>
            <h1 className="text-3xl font-extrabold tracking-tight">{t("heading")}</h1>
            <p className="text-ink-soft">{t("intro")}</p>
          </div>
        )}
        {query.reset === "1" ? (
          <p role="status" className="rounded-xl bg-note-green p-3 font-semibold">
            {t("resetDone")}
          </p>
        ) : null}
        {query.signedOut === "everywhere" ? (
          <p role="status" className="rounded-xl bg-note-green p-3 font-semibold">
            {t("signedOutEverywhere")}
          </p>
        ) : null}
        <SsoSignIn next={next} refusal={query.sso} />
        {passwordsEnabled() ? (
          <>
            <SignInForm next={next} />
            <p className="text-sm">
              <Link href="/signin/forgot" className="link">
                {t("forgotLink")}
              </Link>
            </p>
          </>
        ) : null}
      </div>
      <div className="mt-6 space-y-2 px-2 text-sm text-ink-soft">
        <p>
          {t.rich("takingPart", {
            strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
            link: (chunks) => (
              <Link href="/j" className="link">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <p>{t("newStaff")}</p>
      </div>
    </PageShell>
  );
}
