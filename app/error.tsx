"use client";

import { useTranslations } from "next-intl";
import { Wordmark } from "@/app/ui/brand";

/**
 * What a page shows when it stops working (an error while drawing it, on the server or on the
 * phone): in the reader's language (home.crashed is in every page's messages, lib/i18n/areas.ts),
 * with a way to try again and a way out. Next's own page says "Application error" in English.
 * The digest matches the server's log line; the error's own message never shows (it may name
 * something internal).
 */
export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("home.crashed");
  return (
    <>
      <header className="border-b border-line bg-white/80">
        <div className="mx-auto flex max-w-5xl items-center px-4 py-3">
          <Wordmark />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-16 sm:py-24">
        <div className="card space-y-5 p-6 sm:p-10" data-testid="page-error">
          <h1 className="text-3xl font-extrabold tracking-tight break-words">{t("title")}</h1>
          <p className="text-ink-soft">{t("body")}</p>
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <button type="button" className="btn btn-primary" onClick={() => retry()}>
              {t("retry")}
            </button>
            {/* A whole new page: whatever broke this one is left behind. */}
            <a href="/" className="btn btn-secondary">
              {t("home")}
            </a>
          </div>
          {error.digest ? <p className="text-sm text-ink-soft">{t("reference", { digest: error.digest })}</p> : null}
        </div>
      </main>
    </>
  );
}
