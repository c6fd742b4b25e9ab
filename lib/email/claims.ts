import { inArray, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { emailClaims } from "@/db/schema";

/**
 * Claims `key` for one scheduled message. Every process may sweep; the single upsert below is
 * atomic in SQLite, so exactly one of them gets the row back and sends.
 *
 * A key is claimed when it is new, or when it was last claimed for a different `detail` at least
 * `gapMs` ago (a milestone's "due" reminder, then its "overdue" one a few days later).
 */
export async function claim(tx: Tx, key: string, detail: string, now: number, gapMs: number): Promise<boolean> {
  const rows = await tx.all<{ key: string }>(sql`
    INSERT INTO email_claims (key, detail, claimed_at) VALUES (${key}, ${detail}, ${now})
    ON CONFLICT (key) DO UPDATE SET detail = excluded.detail, claimed_at = excluded.claimed_at
      WHERE email_claims.detail <> excluded.detail AND email_claims.claimed_at <= ${now - gapMs}
    RETURNING key`);
  return rows.length === 1;
}

/**
 * Which of `keys` are claimed already, read without writing: a sweep that finds everyone told
 * asks for no write at all (every process sweeps every few minutes).
 */
export async function claimedKeys(db: Database, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.read.select({ key: emailClaims.key }).from(emailClaims).where(inArray(emailClaims.key, keys));
  return new Set(rows.map((r) => r.key));
}

/**
 * Gives a claim back after the relay refused the message, so the next sweep (or click) tries
 * again: gone, the key is new again, whatever its gap (a claim for good included).
 */
export async function releaseClaim(tx: Tx, key: string) {
  await tx.run(sql`DELETE FROM email_claims WHERE key = ${key}`);
}

/**
 * A project's scheduled reminders for one milestone, named by the project and the milestone's date
 * (not its row: saving the milestones rewrites their rows, and must not send them again).
 */
export const reminderClaimKey = (projectId: string, milestoneDate: string) => `reminder:${projectId}:${milestoneDate}`;

/** A new owner starts afresh: the reminders their predecessor had are not theirs. */
export async function forgetReminderClaims(tx: Tx, projectId: string) {
  await tx.run(sql`DELETE FROM email_claims WHERE key LIKE ${reminderClaimKey(projectId, "%")}`);
}
