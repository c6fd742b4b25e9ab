import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { resetMinutes } from "@/lib/accounts/password-reset";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../../page-shell";
import { ForgotForm } from "./forgot-form";

export async function generateMetadata() {
  const t = await getTranslations("account.forgot");
  return { title: t("title") };
}

export default async function ForgotPage({ searchParams }: { searchParams: Promise<{ sent?: string | string[] }> }) {
  await connection();
  const sent = (await searchParams).sent === "1";
  const t = await getTranslations("account.forgot");
  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        <div className="space-y-2">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{t("heading")}</h1>
        </div>
        {sent ? (
          <div role="status" className="space-y-2">
            <p className="text-lg font-semibold">{t("sentHeading")}</p>
            <p className="text-ink-soft">{t("sentBody", { minutes: resetMinutes })}</p>
          </div>
        ) : (
          <>
            <p className="text-ink-soft">{t("intro")}</p>
            {passwordsEnabled() ? <ForgotForm /> : <p role="status">{(await getTranslations("account"))("passwordsOff")}</p>}
          </>
        )}
      </div>
      <p className="mt-6 px-2 text-sm">
        <Link href="/signin" className="link">
          {t("back")}
        </Link>
      </p>
    </PageShell>
  );
}
