import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { isSetUp } from "@/lib/accounts/first-organiser";
import { currentAccount } from "@/lib/auth/web-session";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../page-shell";
import { SsoSignIn } from "../signin/sso-sign-in";
import { SetupForm } from "./setup-form";

export async function generateMetadata() {
  const t = await getTranslations("account.setup");
  return { title: t("title") };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ sso?: string | string[] }> }) {
  await connection();
  const query = await searchParams;
  const db = await sharedDatabase();
  const t = await getTranslations("account.setup");

  if (await isSetUp(db.read)) {
    const account = await currentAccount();
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6 sm:p-8">
          <p className="eyebrow">{t("doneEyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{t("doneHeading")}</h1>
          <p className="text-ink-soft">{t("doneBody")}</p>
          {account ? (
            <Link href="/o" className="btn btn-primary">
              {t("goToEvents")}
            </Link>
          ) : (
            <Link href="/signin" className="btn btn-primary">
              {t("signIn")}
            </Link>
          )}
        </div>
      </PageShell>
    );
  }

  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        <div className="space-y-2">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{t("heading")}</h1>
          <p className="text-ink-soft">{t("intro")}</p>
        </div>
        <SsoSignIn setup refusal={query.sso} />
        {passwordsEnabled() && <SetupForm />}
      </div>
    </PageShell>
  );
}
