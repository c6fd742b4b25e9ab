"use client";

import { useTranslations } from "next-intl";
import { CrashedPage } from "@/app/ui/crashed-page";

/**
 * What a page shows when it stops working (an error while drawing it, on the server or on the
 * phone): in the reader's language (home.crashed is in every page's messages, lib/i18n/areas.ts),
 * with a way to try again and a way out. Next's own page says "Application error" in English.
 * The digest matches the server's log line; the error's own message never shows (it may name
 * something internal).
 */
export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("home.crashed");
  const words = {
    title: t("title"),
    body: t("body"),
    retry: t("retry"),
    home: t("home"),
    reference: error.digest ? t("reference", { digest: error.digest }) : null,
  };
  return <CrashedPage words={words} retry={retry} />;
}
