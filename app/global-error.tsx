"use client";

import { useSyncExternalStore } from "react";
import { CrashedDocument } from "@/app/ui/crashed-document";
import { crashedLocale } from "@/lib/i18n/crashed-words";
import { defaultLocale } from "@/lib/i18n/locales";
import "./globals.css";

const unchanging = () => () => {};
const browserLocale = () => crashedLocale({ cookie: document.cookie, languages: navigator.languages });

/**
 * What shows when the root layout itself breaks, instead of Next's bare English page. It replaces
 * that layout, so it has neither its document nor the request's messages: it draws its own, in
 * the browser's language (English while the server draws it, before the browser says).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(unchanging, browserLocale, () => defaultLocale);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return <CrashedDocument locale={locale} digest={digest} retry={retry} />;
}
