import { and, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { commandLog } from "@/db/schema";
import { commandLogWindowMs, outboxMaxAgeMs } from "./constants";

/**
 * A command record holds only what a retry needs (who sent it and the id their device gave it,
 * its name, its result and what it broadcast: never the payload), and only for
 * `commandLogWindowMs`: long enough for a phone whose battery died overnight to come back and
 * resend what waited in its outbox, applied once. Phones give up resending before that
 * (`outboxMaxAgeMs`), so a record is never needed after it is pruned.
 */
export { commandLogWindowMs, outboxMaxAgeMs };

/**
 * How long after its first run a retried command re-sends what it broadcast. A retry after a
 * crash between commit and publish comes within seconds (the phone reconnects and sends its
 * outbox again); later, the room has long had it, and what it carried may since have been
 * taken back (a note deleted, a name corrected to initials, someone gone): only the ack is sent.
 * So what a command broadcast is kept no longer than this (forgetBroadcasts): it carries the
 * room's words and names, which the rest of the record, kept a day, does not need.
 */
export const replayWindowMs = 60_000;

/**
 * How often each process prunes. Any process may: a delete or clear by age is the same from
 * every one. Every half replay window, so a broadcast is kept a minute and a half at most.
 */
export const commandLogPruneEveryMs = replayWindowMs / 2;

const batch = 2000;

/**
 * Forgets what commands broadcast once a retry no longer re-sends it, and then commands older
 * than the window, in small batches so a phone's write never waits behind one long statement.
 * Safe to run from several processes at once: each batch is its own transaction, and a row
 * another process changed or deleted is simply not found again. Returns how many were deleted.
 */
export async function pruneCommandLog(db: Database, now = Date.now(), windowMs = commandLogWindowMs) {
  await forgetBroadcasts(db, now);
  const before = now - windowMs;
  let removed = 0;
  if (!(await anyOn(db, lt(commandLog.createdAt, before)))) return removed;
  for (;;) {
    const gone = await db.transact((tx) =>
      tx
        .delete(commandLog)
        .where(
          inArray(
            sql`rowid`,
            tx.select({ rowid: sql`rowid` }).from(commandLog).where(lt(commandLog.createdAt, before)).limit(batch),
          ),
        )
        .returning({ id: commandLog.commandId }),
    );
    removed += gone.length;
    if (gone.length < batch) return removed;
  }
}

/**
 * Clears the broadcasts of commands past the replay window. Only rows still holding theirs are
 * looked at (the partial index command_log_fanout_kept): the last minute or two of commands, not
 * the day of records the log keeps.
 */
export async function forgetBroadcasts(db: Database, now = Date.now()) {
  const past = and(isNotNull(commandLog.fanout), lt(commandLog.createdAt, now - replayWindowMs));
  let cleared = 0;
  if (!(await anyOn(db, past))) return cleared;
  for (;;) {
    const done = await db.transact((tx) =>
      tx
        .update(commandLog)
        .set({ fanout: null })
        .where(inArray(sql`rowid`, tx.select({ rowid: sql`rowid` }).from(commandLog).where(past).limit(batch)))
        .returning({ id: commandLog.commandId }),
    );
    cleared += done.length;
    if (done.length < batch) return cleared;
  }
}

/** Asked on the read pool first: on a quiet server there is nothing to do, and no write turn is taken. */
async function anyOn(db: Database, where: SQL | undefined) {
  const [one] = await db.read.select({ id: commandLog.commandId }).from(commandLog).where(where).limit(1);
  return one !== undefined;
}
