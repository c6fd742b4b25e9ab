import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, participants } from "@/db/schema";
import { accountSessionCookie } from "@/lib/auth/cookies";
import { accountFromSession, resolveActor } from "@/lib/auth/identity";
import { languageCookie } from "./choice-cookie";
import { eventOfPath, personalLinkLanguageOfPath } from "./event-language";
import { knownLocale } from "./locales";
import { resolveLocale } from "./negotiate";

/**
 * The one rule for the language a person's screen speaks, used by its page (lib/i18n/request.ts)
 * and by its socket's replies (lib/realtime/socket-language.ts) alike, so a page never shows a
 * refusal in another language than its own: the language the person chose last, on any device
 * (kept with them, so a device they sign in on later, or that was asleep when they chose, speaks
 * it), else this browser's choice, else what the browser asks for, else the event's, else English.
 */
export function personLocale(input: {
  kept?: string | null;
  chosenHere?: string | null;
  acceptLanguage?: string | null;
  eventLanguage?: string | null;
}): string {
  return resolveLocale({
    chosen: knownLocale(input.kept) ?? knownLocale(input.chosenHere),
    acceptLanguage: input.acceptLanguage,
    fallback: input.eventLanguage,
  });
}

/** The language a participant or an account chose and the server kept (null: never chose, or erased on leaving). */
export async function keptLanguage(db: Db, who: { participantId: string } | { accountId: string }): Promise<string | null> {
  const [row] =
    "participantId" in who
      ? await db.select({ language: participants.language }).from(participants).where(eq(participants.id, who.participantId))
      : await db.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, who.accountId));
  return row?.language ?? null;
}

/**
 * The language a page speaks to whoever holds these cookies: `personLocale`, with the person the
 * socket on that page would be (the event's staff member or participant, as the handshake resolves
 * them), else the account signed in on this browser. A personal link's page (/c/<token>) is not
 * yet its holder's: this browser's choice comes first there, then the language of the person the
 * link belongs to.
 */
export async function visitorLocale(
  db: Db,
  input: { path: string | null; cookies: Map<string, string>; acceptLanguage: string | null; secret: string | null },
): Promise<string> {
  const event = await eventOfPath(db, input.path);
  // Only where picking a language keeps it with them in the event: elsewhere their pick would not show.
  const actor = event?.ofItsOwn && input.secret ? await resolveActor(db, event.id, input.cookies, input.secret) : null;
  const account = actor ? null : await accountFromSession(db, input.cookies.get(accountSessionCookie));
  const who = actor
    ? actor.kind === "participant"
      ? { participantId: actor.participantId }
      : { accountId: actor.accountId }
    : account
      ? { accountId: account.id }
      : null;
  const chosenHere = knownLocale(input.cookies.get(languageCookie)) ?? (await personalLinkLanguageOfPath(db, input.path));
  return personLocale({
    kept: who ? await keptLanguage(db, who) : null,
    chosenHere,
    acceptLanguage: input.acceptLanguage,
    eventLanguage: event?.language,
  });
}
