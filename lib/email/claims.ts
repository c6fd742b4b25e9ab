import { and, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { emailClaims } from "@/db/schema";

/**
 * How long a claim holds a message that is not marked sent yet. A process that stops between
 * claiming and sending (a crash, a deploy) leaves such a claim: once the lease is over another
 * sweep takes it and sends, so a message goes at least once, and twice at most when the first
 * sender was merely slower than the lease. Longer than the mailer's timeouts, so a live sender
 * is not doubled.
 */
export const claimLeaseMs = 15 * 60 * 1000;

/** A claim this process won, as `deliver` marks it sent (or gives it back). */
export type HeldClaim = { key: string; claimedAt: number };

/**
 * Claims `key` for one scheduled message. Every process may sweep; the single upsert below is
 * atomic in SQLite, so exactly one of them gets the row back and sends.
 *
 * A key is claimed when it is new; when it was last claimed for a different `detail` at least
 * `gapMs` ago (a milestone's "due" reminder, then its "overdue" one a few days later); or when its
 * last claim was never marked sent and its lease is over.
 */
export async function claim(tx: Tx, key: string, detail: string, now: number, gapMs: number): Promise<HeldClaim | null> {
  const rows = await tx.all<{ key: string }>(sql`
    INSERT INTO email_claims (key, detail, claimed_at, sent_at) VALUES (${key}, ${detail}, ${now}, NULL)
    ON CONFLICT (key) DO UPDATE SET detail = excluded.detail, claimed_at = excluded.claimed_at, sent_at = NULL
      WHERE (email_claims.detail <> excluded.detail AND email_claims.claimed_at <= ${now - gapMs})
        OR (email_claims.sent_at IS NULL AND email_claims.claimed_at <= ${now - claimLeaseMs})
    RETURNING key`);
  return rows.length === 1 ? { key, claimedAt: now } : null;
}

/**
 * Which of `keys` are held (sent, or claimed within the lease), read without writing: a sweep
 * that finds everyone told asks for no write at all (every process sweeps every few minutes).
 */
export async function claimedKeys(db: Database, keys: string[], now = Date.now()): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.read
    .select({ key: emailClaims.key })
    .from(emailClaims)
    .where(and(inArray(emailClaims.key, keys), or(isNotNull(emailClaims.sentAt), gt(emailClaims.claimedAt, now - claimLeaseMs))));
  return new Set(rows.map((r) => r.key));
}

/** The message went: the claim holds for good (or for its gap), whatever the lease. */
export async function markClaimSent(tx: Tx, held: HeldClaim, now: number) {
  await tx.run(sql`UPDATE email_claims SET sent_at = ${now} WHERE key = ${held.key} AND claimed_at = ${held.claimedAt}`);
}

/**
 * Gives a claim back after the relay refused the message, so the next sweep (or click) tries
 * again: gone, the key is new again, whatever its gap (a claim for good included). Only this
 * claim: one another process took over after the lease is theirs.
 */
export async function releaseClaim(tx: Tx, held: HeldClaim) {
  await tx.run(sql`DELETE FROM email_claims WHERE key = ${held.key} AND claimed_at = ${held.claimedAt}`);
}

/**
 * A project's scheduled reminders for one milestone, named by the project and the milestone's date
 * (not its row: saving the milestones rewrites their rows, and must not send them again).
 */
export const reminderClaimKey = (projectId: string, milestoneDate: string) => `reminder:${projectId}:${milestoneDate}`;

/** An organiser's "send a reminder" for a project (at most one a day: lib/email/check-in-reminders.ts). */
export const nudgeClaimKey = (projectId: string) => `nudge:${projectId}`;

/**
 * Whether a reminder of any kind (scheduled, or an organiser's) was claimed for this project after
 * `since`, other than under `key`: an owner is reminded once a day at most, whoever sends it.
 */
export async function remindedSince(tx: Tx, projectId: string, since: number, key: string): Promise<boolean> {
  const rows = await tx.all<{ key: string }>(sql`
    SELECT key FROM email_claims
    WHERE (key = ${nudgeClaimKey(projectId)} OR key LIKE ${reminderClaimKey(projectId, "%")})
      AND key <> ${key} AND claimed_at > ${since}
    LIMIT 1`);
  return rows.length > 0;
}

/** A new owner starts afresh: the reminders their predecessor had are not theirs. */
export async function forgetReminderClaims(tx: Tx, projectId: string) {
  await tx.run(sql`DELETE FROM email_claims WHERE key LIKE ${reminderClaimKey(projectId, "%")}`);
}
