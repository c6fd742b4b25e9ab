import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, events, participants } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { languageCookie } from "@/lib/i18n/choice-cookie";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/negotiate";
import { localise } from "@/lib/i18n/server-text";
import type { Ack } from "./contract";

/**
 * The language a socket's replies speak: the one its page speaks (the `mi_lang` cookie, this
 * browser's choice), else the one its person chose elsewhere and the server kept, else what
 * the browser asks for, else the event's own language. The same order as a page's
 * (lib/i18n/request.ts), with the kept choice in between, so a phone that never picked still
 * hears its person's language.
 */
export function socketLocale(input: {
  cookies: Map<string, string>;
  acceptLanguage?: string | string[];
  stored?: string | null;
  eventLanguage?: string | null;
}) {
  const accept = Array.isArray(input.acceptLanguage) ? input.acceptLanguage.join(",") : input.acceptLanguage;
  return resolveLocale({
    chosen: knownLocale(input.cookies.get(languageCookie)) ?? knownLocale(input.stored),
    acceptLanguage: accept,
    fallback: input.eventLanguage,
  });
}

/**
 * The language this browser should switch to when it connects: the one its person chose last,
 * on any device, when this browser's own cookie still says another (it was asleep when they
 * chose, so it missed "language:chosen"). Null when there is nothing to follow.
 */
export function languageToFollow(cookies: Map<string, string>, stored: string | null): string | null {
  const kept = knownLocale(stored);
  const here = knownLocale(cookies.get(languageCookie));
  return kept && here && kept !== here ? kept : null;
}

/** The language a participant or a staff member chose and the server kept, and the event's. */
export async function storedLanguages(
  db: Database,
  actor: Actor,
): Promise<{ stored: string | null; eventLanguage: string | null }> {
  const [event] = await db.read.select({ language: events.language }).from(events).where(eq(events.id, actor.eventId));
  const [person] =
    actor.kind === "participant"
      ? await db.read
          .select({ language: participants.language })
          .from(participants)
          .where(eq(participants.id, actor.participantId))
      : await db.read.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, actor.accountId));
  return { stored: person?.language ?? null, eventLanguage: event?.language ?? null };
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
