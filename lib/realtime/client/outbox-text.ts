"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { tooOldMessage, updatedMessage } from "./outbox";
import { notConnectedMessage, unconfirmedMessage } from "./room-controls";

/** The device's own messages, by their English text, and their key in live.json `sync`. */
const own = new Map<string, "updated" | "tooOld" | "notConnected" | "unconfirmed">([
  [updatedMessage, "updated"],
  [tooOldMessage, "tooOld"],
  [notConnectedMessage, "notConnected"],
  [unconfirmedMessage, "unconfirmed"],
]);

/**
 * Says a refused command's message in the reader's language. The device's own messages
 * (`updatedMessage`, `tooOldMessage`, a room control's `notConnectedMessage` and
 * `unconfirmedMessage`) are in English and said here; the server's come already in the person's
 * language and are shown as they are.
 */
export function useOutboxText(): (message: string) => string {
  const t = useTranslations("live.sync");
  return useCallback(
    (message: string) => {
      const key = own.get(message);
      return key ? t(key) : message;
    },
    [t],
  );
}
