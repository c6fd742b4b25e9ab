import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray, lt, notExists } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, auditLog, events } from "@/db/schema";
import { addMonths, defaultRetentionMonths, type RetentionFacts, retentionEndsAt } from "./retention";

/**
 * What staff did with people's personal data. A closed list, so the organiser's page can say
 * each in plain words and a test can walk them. Subjects carry ids, kinds and counts only.
 */
export const auditActions = {
  "participants.details_viewed": "Opened the private list (access needs, age bands, contact details)",
  "export.downloaded": "Downloaded an export",
  "participant.removed": "Removed a participant and erased what they shared",
  "staff.role_granted": "Joined the event's staff",
  "privacy.settings_changed": "Changed the privacy settings",
  "retention.swept": "Erased personal data at the end of the retention period",
  "event.deleted": "Deleted the event and its uploads",
} as const;
export type AuditAction = keyof typeof auditActions;

export type AuditEntry = {
  eventId: string;
  /** The staff account; null for the automatic retention sweep. */
  accountId: string | null;
  action: AuditAction;
  subject?: string;
  now: number;
};

const retentionFacts = {
  endsAt: events.endsAt,
  startsAt: events.startsAt,
  createdAt: events.createdAt,
  retentionMonths: events.retentionMonths,
};

/**
 * Until when an entry made at `createdAt` is kept: the event's retention period after the event,
 * or after the access if that is later. From the event's settings as they are now, so an
 * organiser who lengthens the period (or moves the event) keeps the older entries that long too.
 */
export function auditKeptUntil(event: RetentionFacts | undefined, createdAt: number) {
  const months = event?.retentionMonths ?? defaultRetentionMonths;
  return Math.max(event ? retentionEndsAt(event) : 0, addMonths(createdAt, months));
}

/** Records one access in the caller's transaction, so the record and the act commit together. */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  const [event] = await tx.select(retentionFacts).from(events).where(eq(events.id, entry.eventId));
  // Stored for when the event is deleted and its settings go with it; while it exists, pruneAudit
  // reads them afresh.
  const keepUntil = auditKeptUntil(event, entry.now);
  await tx.insert(auditLog).values({
    id: randomUUID(),
    eventId: entry.eventId,
    accountId: entry.accountId,
    action: entry.action,
    subject: entry.subject ?? "",
    createdAt: entry.now,
    keepUntil,
  });
}

/**
 * How long the same look stays one entry: a console asks for the private list again whenever it
 * reconnects or the room's people change, and a log of the same person seeing the same list twenty
 * times in an afternoon hides the accesses that matter. A list with someone new in it (another
 * count) is a new entry at once.
 */
export const sameLookMs = 10 * 60_000;

/**
 * `recordAudit`, unless this account's identical entry (same action, same subject) was recorded
 * for the event within `sameLookMs`. Says whether it recorded one.
 */
export async function recordAuditOnce(tx: Tx, entry: AuditEntry & { accountId: string }): Promise<boolean> {
  const [recent] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.eventId, entry.eventId),
        eq(auditLog.accountId, entry.accountId),
        eq(auditLog.action, entry.action),
        eq(auditLog.subject, entry.subject ?? ""),
        gt(auditLog.createdAt, entry.now - sameLookMs),
      ),
    )
    .limit(1);
  if (recent) return false;
  await recordAudit(tx, entry);
  return true;
}

/** A calendar month is at least 28 days: an entry younger than this many months' worth is surely kept. */
const shortestMonthMs = 28 * 24 * 3600 * 1000;

/**
 * Entries past their keeping date (auditKeptUntil, from each event's settings now) go; run by
 * the retention sweep. A deleted event's entries keep the date stored with them: its settings
 * went with it.
 */
export async function pruneAudit(tx: Tx, now: number) {
  const orphans = await tx
    .delete(auditLog)
    .where(
      and(
        lt(auditLog.keepUntil, now),
        notExists(tx.select({ id: events.id }).from(events).where(eq(events.id, auditLog.eventId))),
      ),
    )
    .returning({ id: auditLog.id });
  let pruned = orphans.length;
  const all = await tx.select({ id: events.id, ...retentionFacts }).from(events);
  for (const event of all.filter((e) => retentionEndsAt(e) < now)) {
    const candidates = await tx
      .select({ id: auditLog.id, createdAt: auditLog.createdAt })
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), lt(auditLog.createdAt, now - event.retentionMonths * shortestMonthMs)));
    const expired = candidates.filter((c) => auditKeptUntil(event, c.createdAt) < now).map((c) => c.id);
    for (let i = 0; i < expired.length; i += 500) {
      await tx.delete(auditLog).where(inArray(auditLog.id, expired.slice(i, i + 500)));
    }
    pruned += expired.length;
  }
  return pruned;
}

/** The event's audit log, newest first, with the staff member's name where the account still exists. */
export async function findAudit(db: Db, eventId: string, limit = 500) {
  return db
    .select({
      id: auditLog.id,
      accountId: auditLog.accountId,
      accountName: accounts.name,
      action: auditLog.action,
      subject: auditLog.subject,
      createdAt: auditLog.createdAt,
      keepUntil: auditLog.keepUntil,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.accountId))
    .where(eq(auditLog.eventId, eventId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}

export const auditActionLabel = (action: string) => (action in auditActions ? auditActions[action as AuditAction] : action);

/** For tests and the sweep: every entry of one kind for an event. */
export async function auditEntries(db: Db, eventId: string, action: AuditAction) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.eventId, eventId), eq(auditLog.action, action)));
}
