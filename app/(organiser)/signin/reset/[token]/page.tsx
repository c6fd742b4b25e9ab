import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { resetLinkWorks } from "@/lib/accounts/password-reset";
import { passwordsEnabled } from "@/lib/sso/settings";
import { PageShell } from "../../../page-shell";
import { resetPasswordAction } from "./actions";
import { ResetForm } from "./reset-form";

export async function generateMetadata() {
  const t = await getTranslations("account.reset");
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const works = await resetLinkWorks(await sharedDatabase(), token);
  const t = await getTranslations("account.reset");
  return (
    <PageShell width="narrow">
      <div className="card space-y-6 p-6 sm:p-8">
        <h1 className="text-3xl font-extrabold tracking-tight">{works ? t("heading") : t("brokenHeading")}</h1>
        {works ? (
          <>
            <p className="text-ink-soft">{t("intro")}</p>
            {passwordsEnabled() ? (
              <ResetForm action={resetPasswordAction.bind(null, token)} />
            ) : (
              <p role="status">{(await getTranslations("account"))("passwordsOff")}</p>
            )}
          </>
        ) : (
          <p className="text-ink-soft">
            {t.rich("broken", {
              link: (chunks) => (
                <Link href="/signin/forgot" className="link">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </div>
    </PageShell>
  );
}
