import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { sign, unsign } from "@/lib/auth/tokens";
import { normaliseJoinCode } from "./join-code";

/** What the join page draws of its event: its words, whether it takes people, and whether its code still opens it. */
type Drawn = { name: string; place: string | null; status: string; open: boolean } | { gone: true };

function fingerprint(drawn: Drawn): string {
  return createHash("sha256").update(JSON.stringify(drawn)).digest("base64url").slice(0, 22);
}

/** The fingerprint the join page is drawn with, of the event its code opened. */
export function joinPageFingerprint(event: { name: string; place: string | null; status: string }): string {
  return fingerprint({ name: event.name, place: event.place, status: event.status, open: true });
}

/**
 * What an open join page sends to ask whether its event changed: the event and the code it was
 * opened with, signed. Only a page drawn from the right code holds one, so asking costs no guess
 * of a code and counts no miss; the answer is a hash that says only whether that code still opens
 * the event, never what the new one is.
 */
export function joinFollowToken(event: { id: string; joinCode: string }, secret: string): string {
  return sign(`${event.id}:${event.joinCode}`, secret);
}

/** The join page's fingerprint now, for a page holding `token`; null when the token is not one. */
export async function joinPageVersion(db: Db, token: string, secret: string): Promise<string | null> {
  const value = unsign(token, secret);
  const colon = value?.indexOf(":") ?? -1;
  if (!value || colon <= 0) return null;
  const eventId = value.slice(0, colon);
  const code = normaliseJoinCode(value.slice(colon + 1));
  if (!code) return null;
  const [event] = await db
    .select({ name: events.name, place: events.place, status: events.status, joinCode: events.joinCode })
    .from(events)
    .where(eq(events.id, eventId));
  if (!event || event.status === "draft") return fingerprint({ gone: true });
  return fingerprint({ name: event.name, place: event.place, status: event.status, open: event.joinCode === code });
}
