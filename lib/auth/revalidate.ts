import { and, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountSessions, eventStaff, events, participantDevices, participants } from "@/db/schema";
import type { Actor } from "./actor";

/**
 * What a live connection holds: the identity resolved at its handshake and, for staff, the
 * session (by hash) it was resolved from. Checked again on every command and on a short sweep,
 * so access taken away (leaving, removal, sign-out, expiry, a new password, an archived event)
 * is gone from open sockets too, on every process, whichever path took it away.
 */
export type HeldIdentity = { actor: Actor; sessionHash: string | null; deviceId?: string | null };

const chunk = <T>(xs: T[], size = 400) =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, i * size + size));

/**
 * Which of these identities no longer hold. Batched, one query per kind of identity, so a sweep
 * over a thousand phones costs a few indexed lookups, not a thousand round trips.
 */
export async function revokedAmong<T extends HeldIdentity>(db: Db, held: T[], now = Date.now()): Promise<Set<T>> {
  const revoked = new Set<T>();
  const byParticipant = new Map<string, T[]>();
  const staff: T[] = [];
  for (const h of held) {
    if (h.actor.kind === "participant") {
      const list = byParticipant.get(h.actor.participantId) ?? [];
      list.push(h);
      byParticipant.set(h.actor.participantId, list);
    } else staff.push(h);
  }

  // A participant holds while they have not left and their event is not archived.
  const live = new Set<string>();
  for (const ids of chunk([...byParticipant.keys()])) {
    const rows = await db
      .select({ id: participants.id })
      .from(participants)
      .innerJoin(events, eq(events.id, participants.eventId))
      .where(and(inArray(participants.id, ids), isNull(participants.leftAt), ne(events.status, "archived")));
    for (const r of rows) live.add(r.id);
  }
  for (const [id, list] of byParticipant) if (!live.has(id)) for (const h of list) revoked.add(h);

  // A participant's device holds while the person hasn't signed it out.
  const devices = [...byParticipant.values()].flat().filter((h) => h.deviceId && !revoked.has(h));
  const liveDevices = new Set<string>();
  for (const ids of chunk([...new Set(devices.map((h) => h.deviceId as string))])) {
    const rows = await db
      .select({ id: participantDevices.id })
      .from(participantDevices)
      .where(inArray(participantDevices.id, ids));
    for (const r of rows) liveDevices.add(r.id);
  }
  for (const h of devices) if (!liveDevices.has(h.deviceId as string)) revoked.add(h);

  // Staff hold while their session is live and they keep the same role in the same event.
  const hashes = [...new Set(staff.map((h) => h.sessionHash).filter((x): x is string => !!x))];
  const sessions = new Map<string, string>();
  for (const part of chunk(hashes)) {
    const rows = await db
      .select({ tokenHash: accountSessions.tokenHash, accountId: accountSessions.accountId })
      .from(accountSessions)
      .where(and(inArray(accountSessions.tokenHash, part), gt(accountSessions.expiresAt, now)));
    for (const r of rows) sessions.set(r.tokenHash, r.accountId);
  }
  const accountIds = [...new Set(staff.map((h) => (h.actor.kind === "staff" ? h.actor.accountId : "")))];
  const roles = new Map<string, string>();
  for (const part of chunk(accountIds)) {
    const rows = await db
      .select({ eventId: eventStaff.eventId, accountId: eventStaff.accountId, role: eventStaff.role })
      .from(eventStaff)
      .where(inArray(eventStaff.accountId, part));
    for (const r of rows) roles.set(`${r.eventId}|${r.accountId}`, r.role);
  }
  for (const h of staff) {
    if (h.actor.kind !== "staff") continue;
    const sessionOk = !!h.sessionHash && sessions.get(h.sessionHash) === h.actor.accountId;
    const roleOk = roles.get(`${h.actor.eventId}|${h.actor.accountId}`) === h.actor.role;
    if (!sessionOk || !roleOk) revoked.add(h);
  }
  return revoked;
}
