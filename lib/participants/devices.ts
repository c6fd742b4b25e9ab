import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { events, participantDevices, participants } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Revocation } from "@/lib/realtime/handler";
import { unknownBrowser } from "./device-label";
import { personalLinkExpired } from "./personal-link-expiry";

/** "Chrome on Android": enough for a person to tell their devices apart, nothing more kept. */
export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /SamsungBrowser/.test(ua)
      ? "Samsung Internet"
      : /Firefox\/|FxiOS/.test(ua)
        ? "Firefox"
        : /Chrome\/|CriOS/.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : unknownBrowser;
  const system = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Mac OS X|Macintosh/.test(ua)
          ? "Mac"
          : /Windows/.test(ua)
            ? "Windows"
            : /CrOS/.test(ua)
              ? "Chromebook"
              : /Linux/.test(ua)
                ? "Linux"
                : null;
  return system ? `${browser} on ${system}` : browser;
}

/** A device the person is signed in on; `id` is the join form's own when it is that form that signs it in (lib/participants/join-once.ts). */
export async function addDevice(tx: Tx, participantId: string, label: string, id: string = randomUUID()) {
  await tx.insert(participantDevices).values({ id, participantId, label });
  return id;
}

export async function listDevices(db: Db, participantId: string) {
  return db
    .select({ id: participantDevices.id, label: participantDevices.label, createdAt: participantDevices.createdAt })
    .from(participantDevices)
    .where(eq(participantDevices.participantId, participantId))
    .orderBy(asc(participantDevices.createdAt));
}

/**
 * Signs one of the person's own devices out; its pages and sockets stop working at once. A
 * personal link not yet opened stops working too: the device may have made it (or read it from
 * another screen) before it was signed out, and would otherwise sign a new browser straight back in.
 */
export async function signOutDevice(tx: Tx, participantId: string, deviceId: string): Promise<Revocation[]> {
  const gone = await tx
    .delete(participantDevices)
    .where(and(eq(participantDevices.id, deviceId), eq(participantDevices.participantId, participantId)))
    .returning({ id: participantDevices.id });
  if (gone.length > 0) {
    await tx
      .update(participants)
      .set({ resumeTokenHash: hashToken(newToken()) })
      .where(eq(participants.id, participantId));
  }
  return gone.map((d) => ({ kind: "device", deviceId: d.id }));
}

/**
 * The event a personal link would sign this device into, whether it is open and whether the link
 * has expired, without using the link up.
 */
export async function findPersonalLink(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<{ eventName: string; eventStatus: (typeof events.$inferSelect)["status"]; expired: boolean } | null> {
  const [found] = await db
    .select({
      eventName: events.name,
      eventStatus: events.status,
      leftAt: participants.leftAt,
      madeAt: participants.resumeTokenMadeAt,
    })
    .from(participants)
    .innerJoin(events, eq(events.id, participants.eventId))
    .where(eq(participants.resumeTokenHash, hashToken(token)));
  if (!found || found.leftAt !== null) return null;
  return { eventName: found.eventName, eventStatus: found.eventStatus, expired: personalLinkExpired(found.madeAt, now) };
}

/**
 * Opening a personal link: it works once. The token is replaced by one nobody holds, in the
 * same transaction that finds it, so a forwarded or second use finds nothing; the new device
 * is recorded. Someone who left gets nothing; nor does anyone while the event is not open (a
 * draft, or finished and archived), and the link is not used up: a draft's works once it opens.
 * An expired link (lib/participants/personal-link-expiry) gets nothing either, and is left as it
 * is so that its page can say it expired rather than that it was never anybody's.
 */
export async function claimPersonalLink(tx: Tx, token: string, label: string, now = Date.now()) {
  const [found] = await tx
    .select({
      participantId: participants.id,
      eventId: participants.eventId,
      slug: events.slug,
      status: events.status,
      leftAt: participants.leftAt,
      madeAt: participants.resumeTokenMadeAt,
    })
    .from(participants)
    .innerJoin(events, eq(events.id, participants.eventId))
    .where(eq(participants.resumeTokenHash, hashToken(token)));
  if (!found || found.leftAt !== null || found.status !== "published" || personalLinkExpired(found.madeAt, now)) return null;
  await tx
    .update(participants)
    .set({ resumeTokenHash: hashToken(newToken()) })
    .where(eq(participants.id, found.participantId));
  const deviceId = await addDevice(tx, found.participantId, label);
  return { participantId: found.participantId, eventId: found.eventId, slug: found.slug, deviceId };
}
