import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { sign, unsign } from "@/lib/auth/tokens";
import { retentionEndsAt } from "@/lib/privacy/retention";
import { normaliseJoinCode } from "./join-code";

/** The pages a join code opens: the join page, and the event's privacy notice. */
export type JoinPage = "join" | "privacy";

type EventFacts = typeof events.$inferSelect;

/** What each page draws of its event (and whether its code still opens it). */
function drawn(event: EventFacts, page: JoinPage, open: boolean, joined = false) {
  const shared = { name: event.name, status: event.status, open };
  // Joined since (in another tab): the join page takes them to the room.
  if (page === "join") return { ...shared, place: event.place, ...(joined ? { joined } : {}) };
  return {
    ...shared,
    controller: event.dataController,
    contact: event.privacyContact,
    months: event.retentionMonths,
    until: retentionEndsAt(event),
  };
}

function fingerprint(what: unknown): string {
  return createHash("sha256").update(JSON.stringify(what)).digest("base64url").slice(0, 22);
}

/** The fingerprint a page is drawn with, of the event its code opened. */
export function joinPageFingerprint(event: EventFacts, page: JoinPage = "join"): string {
  return fingerprint(drawn(event, page, true));
}

/**
 * What an open join page (or privacy notice) sends to ask whether its event changed: the event and
 * the code it was opened with, signed. Only a page drawn from the right code holds one, so asking costs no guess
 * of a code and counts no miss; the answer is a hash that says only whether that code still opens
 * the event, never what the new one is.
 */
export function joinFollowToken(event: { id: string; joinCode: string }, secret: string): string {
  return sign(`${event.id}:${event.joinCode}`, secret);
}

/**
 * The page's fingerprint now, for a page holding `token`; null when the token is not one.
 * `joined` says whether the device asking is in the event now (the join page then moves on).
 */
export async function joinPageVersion(
  db: Db,
  token: string,
  secret: string,
  page: JoinPage = "join",
  joined: (eventId: string) => Promise<boolean> = async () => false,
): Promise<string | null> {
  const value = unsign(token, secret);
  const colon = value?.indexOf(":") ?? -1;
  if (!value || colon <= 0) return null;
  const eventId = value.slice(0, colon);
  const code = normaliseJoinCode(value.slice(colon + 1));
  if (!code) return null;
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event || event.status === "draft") return fingerprint({ gone: true });
  return fingerprint(drawn(event, page, event.joinCode === code, page === "join" && (await joined(event.id))));
}
