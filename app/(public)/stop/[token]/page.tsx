import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/ui/brand";
import { sharedDatabase } from "@/db";
import { sessionSecret } from "@/lib/auth/web-session";
import { findStopTarget } from "@/lib/email/stop-emails";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.stop"))("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * Where an email's "Stop these reminders" leads. The button posts (a plain form, no script), so
 * a link scanner opening the page stops nothing.
 */
export default async function StopPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const t = await getTranslations("public.stop");
  const target = await findStopTarget((await sharedDatabase()).read, sessionSecret(), token);
  const what = target && target !== "outdated" ? t("what", { kind: target.kind, title: target.title }) : "";
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md px-4 pt-8 pb-20">
        <div className="card space-y-4 p-6">
          {!target ? (
            <>
              <h1 className="text-2xl font-extrabold tracking-tight">{t("brokenTitle")}</h1>
              <p className="text-ink-soft">{t("brokenBody")}</p>
            </>
          ) : target === "outdated" ? (
            <>
              <h1 className="text-2xl font-extrabold tracking-tight">{t("outdatedTitle")}</h1>
              <p className="text-ink-soft">{t("outdatedBody")}</p>
            </>
          ) : target.stopped ? (
            <>
              <h1 className="text-2xl font-extrabold tracking-tight">{t("stoppedTitle")}</h1>
              <p>{t("stoppedBody", { what })}</p>
              {target.kind === "consent" ? <p>{t("consentGone")}</p> : null}
              <p className="text-ink-soft">
                {t(
                  target.kind === "consent"
                    ? "changedMindConsent"
                    : target.kind === "digest"
                      ? "changedMindDigest"
                      : "changedMind",
                )}
              </p>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-extrabold tracking-tight">{t("confirmTitle")}</h1>
              <p>{t("confirmBody", { what })}</p>
              {target.kind === "consent" ? <p>{t("consentWillGo")}</p> : null}
              <form method="post" action={`/stop/${encodeURIComponent(token)}/now`}>
                <button type="submit" className="btn btn-primary w-full">
                  {t("confirm")}
                </button>
              </form>
            </>
          )}
        </div>
      </main>
    </>
  );
}
