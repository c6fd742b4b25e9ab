import { inArray, lt, sql } from "drizzle-orm";
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

/** How often each process prunes. Any process may: a delete by age is the same from every one. */
export const commandLogPruneEveryMs = 10 * 60 * 1000;

const batch = 2000;

/**
 * Forgets commands older than the window, in small batches so a phone's write never waits
 * behind one long delete. Safe to run from several processes at once: each batch is its own
 * transaction, and a row deleted by another process is simply not there.
 */
export async function pruneCommandLog(db: Database, now = Date.now(), windowMs = commandLogWindowMs) {
  const before = now - windowMs;
  let removed = 0;
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
