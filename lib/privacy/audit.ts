import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, auditLog, events } from "@/db/schema";
import { addMonths, defaultRetentionMonths, retentionEndsAt } from "./retention";

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

/**
 * Records one access in the caller's transaction, so the record and the act commit together.
 * Kept for the event's retention period after the event, or after the access if that is later.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  const [event] = await tx
    .select({
      endsAt: events.endsAt,
      startsAt: events.startsAt,
      createdAt: events.createdAt,
      retentionMonths: events.retentionMonths,
    })
    .from(events)
    .where(eq(events.id, entry.eventId));
  const months = event?.retentionMonths ?? defaultRetentionMonths;
  const keepUntil = Math.max(event ? retentionEndsAt(event) : 0, addMonths(entry.now, months));
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

/** Entries past their keeping date go; run by the retention sweep. */
export async function pruneAudit(tx: Tx, now: number) {
  const gone = await tx.delete(auditLog).where(lt(auditLog.keepUntil, now)).returning({ id: auditLog.id });
  return gone.length;
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
