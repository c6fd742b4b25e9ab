"use client";

import { useParams, usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { allLocales } from "@/lib/i18n/locales";
import { chooseLanguage } from "./language-actions";

/**
 * Every language as one button: one tap switches this page, this person (their other devices
 * follow) and their emails. A plain form, so it works before JavaScript has loaded.
 */
export function LanguagePicker({ className = "", variant = "row" }: { className?: string; variant?: "row" | "menu" }) {
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
        <summary className="flex min-h-10 cursor-pointer list-none items-center gap-1 rounded-lg px-3 font-semibold hover:bg-paper">
          <span aria-hidden>🌐</span>
          <span className="sr-only">{t("label")}: </span>
          {current?.name ?? locale}
        </summary>
        <div className="absolute end-0 z-30 mt-1 w-64 rounded-xl border border-line bg-white p-3 shadow-lg">
          <LanguagePicker />
        </div>
      </details>
    );
  }
  return (
    <form action={chooseLanguage} aria-labelledby={labelId} className={`space-y-2 ${className}`} data-testid="language-picker">
      <input type="hidden" name="back" value={pathname ?? "/"} />
      {event ? <input type="hidden" name="event" value={event} /> : null}
      <p id={labelId} className="text-sm font-semibold text-ink-soft">
        <span aria-hidden>🌐 </span>
        {t("label")}
      </p>
      <div className="flex flex-wrap gap-2">
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
              className="min-h-11 rounded-full border border-line bg-white px-3 text-sm font-semibold aria-pressed:border-brand aria-pressed:bg-brand aria-pressed:text-white"
            >
              {l.name}
            </button>
          ))}
      </div>
      {current && !current.reviewed ? <p className="text-xs text-ink-soft">{t("notReviewed")}</p> : null}
    </form>
  );
}
