"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { tooOldMessage, updatedMessage } from "./outbox";

/**
 * Says a refused command's message in the reader's language. The phone's own messages
 * (`updatedMessage`, `tooOldMessage`) are kept in the outbox in English and said here; the
 * server's come already in the person's language and are shown as they are.
 */
export function useOutboxText(): (message: string) => string {
  const t = useTranslations("live.sync");
  return useCallback(
    (message: string) => (message === updatedMessage ? t("updated") : message === tooOldMessage ? t("tooOld") : message),
    [t],
  );
}
