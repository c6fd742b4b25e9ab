import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { languageCookie } from "@/lib/i18n/choice-cookie";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { keptLanguage, personLocale } from "@/lib/i18n/person-language";
import { localise } from "@/lib/i18n/server-text";
import type { Ack } from "./contract";

/**
 * The language a socket's replies speak: its page's (lib/i18n/person-language.ts), so a refusal
 * reads in the language of the page it appears on: the person's kept choice (`stored`), else this
 * browser's (the `mi_lang` cookie), else what the browser asks for, else the event's language.
 */
export function socketLocale(input: {
  cookies: Map<string, string>;
  acceptLanguage?: string | string[];
  stored?: string | null;
  eventLanguage?: string | null;
}) {
  return personLocale({
    kept: input.stored,
    chosenHere: input.cookies.get(languageCookie),
    acceptLanguage: Array.isArray(input.acceptLanguage) ? input.acceptLanguage.join(",") : input.acceptLanguage,
    eventLanguage: input.eventLanguage,
  });
}

/**
 * The language this browser should take as its own when it connects: the one its person chose
 * last, on any device, when this browser's cookie says another or nothing (it was asleep when they
 * chose, so it missed "language:chosen", or it never chose). The page redraws only if it was drawn
 * in another (lib/realtime/client/react.tsx). Null when there is nothing to follow.
 */
export function languageToFollow(cookies: Map<string, string>, stored: string | null): string | null {
  const kept = knownLocale(stored);
  return kept && kept !== knownLocale(cookies.get(languageCookie)) ? kept : null;
}

/** The language a participant or a staff member chose and the server kept, and the event's. */
export async function storedLanguages(
  db: Database,
  actor: Actor,
): Promise<{ stored: string | null; eventLanguage: string | null }> {
  const [event] = await db.read.select({ language: events.language }).from(events).where(eq(events.id, actor.eventId));
  const stored = await keptLanguage(
    db.read,
    actor.kind === "participant" ? { participantId: actor.participantId } : { accountId: actor.accountId },
  );
  return { stored, eventLanguage: event?.language ?? null };
}

/**
 * A refusal as its socket's person reads it: the message and each issue's message in their
 * language where the catalogue knows them (lib/i18n/server-text.ts), English otherwise. Codes
 * and paths stay as they are: code reads those, people read messages.
 */
export function localiseAck<R>(ack: Ack<R>, locale: string): Ack<R> {
  if (ack.ok || locale === defaultLocale) return ack;
  const { error } = ack;
  const message = localise(error.message, locale);
  return {
    ok: false,
    error: error.issues
      ? { ...error, message, issues: error.issues.map((i) => ({ ...i, message: localise(i.message, locale) })) }
      : { ...error, message },
  };
}
