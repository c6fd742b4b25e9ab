"use client";

import { useParams, usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Suspense, useId } from "react";
import { pageToComeBackTo } from "@/lib/accounts/next-path";
import { allLocales } from "@/lib/i18n/locales";
import { GlobeIcon } from "./icons";
import { chooseLanguage } from "./language-actions";

/**
 * Every language as one button: one tap switches this page, this person (their other devices
 * follow) and their emails. A plain form, so it works before JavaScript has loaded. On a phone
 * it is one row that scrolls sideways, so it never pushes the page's own content down.
 */
export function LanguagePicker({
  className = "",
  variant = "row",
}: {
  className?: string;
  /** row: one line that scrolls sideways (phones); wrap: every button visible (menus); menu: a closed control. */
  variant?: "row" | "wrap" | "menu";
}) {
  const params = useParams();
  // On an event's pages the choice is kept with the person in that event, too.
  const event = typeof params?.slug === "string" ? params.slug : undefined;
  const locale = useLocale();
  const t = useTranslations("language");
  const pathname = usePathname();
  const labelId = useId();
  const current = allLocales.find((l) => l.code === locale);
  if (variant === "menu") {
    // For staff headers: one closed control that opens the same buttons.
    return (
      <details className={`relative ${className}`} data-testid="language-menu">
        <summary className="flex min-h-10 cursor-pointer list-none items-center gap-1.5 rounded-lg px-3 font-semibold hover:bg-paper">
          <GlobeIcon />
          <span className="sr-only">{t("label")}: </span>
          {current?.name ?? locale}
        </summary>
        <div className="absolute end-0 z-30 mt-1 w-72 rounded-xl border border-line bg-white p-3 shadow-lg">
          <LanguagePicker variant="wrap" />
        </div>
      </details>
    );
  }
  return (
    <form action={chooseLanguage} aria-labelledby={labelId} className={`space-y-1 ${className}`} data-testid="language-picker">
      {/* Without the query a page drawn before rendering can't know it: its path, until the page's script fills in the rest. */}
      <Suspense fallback={<input type="hidden" name="back" value={pathname ?? "/"} />}>
        <BackToThisPage path={pathname ?? "/"} />
      </Suspense>
      {event ? <input type="hidden" name="event" value={event} /> : null}
      <div className="flex items-center gap-2">
        <p id={labelId} className="flex shrink-0 items-center gap-1 text-sm font-semibold text-ink-soft">
          <GlobeIcon className="h-4 w-4" />
          <span className="sr-only">{t("label")}</span>
        </p>
        <div className={`-my-1 flex min-w-0 gap-1.5 py-1 ${variant === "wrap" ? "flex-wrap" : "overflow-x-auto"}`}>
          {allLocales
            .filter((l) => !l.pseudo)
            .map((l) => (
              <button
                key={l.code}
                type="submit"
                name="language"
                value={l.code}
                lang={l.code}
                aria-pressed={l.code === locale}
                className="min-h-11 shrink-0 whitespace-nowrap rounded-full border border-line bg-white px-3 text-sm font-semibold aria-pressed:border-brand aria-pressed:bg-brand aria-pressed:text-white"
              >
                {l.name}
              </button>
            ))}
        </div>
      </div>
      {current && !current.reviewed ? <p className="text-xs text-ink-soft">{t("notReviewed")}</p> : null}
    </form>
  );
}

/** Where the choice comes back to: this page, its query kept (the action checks it: safeNextPath). */
function BackToThisPage({ path }: { path: string }) {
  const query = useSearchParams()?.toString() ?? "";
  return <input type="hidden" name="back" value={pageToComeBackTo(path, query)} />;
}
