import { and, isNotNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commandLog } from "@/db/schema";

/**
 * Rewrites a name inside the command log's stored results and broadcasts (kept a day, so a retry
 * is answered as the first run was): someone who left, renamed themself or turned out to be
 * under 18 is no longer kept there under the name the room can no longer see. Rows are rewritten,
 * never deleted: a deleted row would let a retry apply its command twice.
 */
export async function restateName(tx: Tx, from: string, to: string) {
  if (!from || from === to) return;
  const was = JSON.stringify(from);
  const now = JSON.stringify(to);
  await tx
    .update(commandLog)
    .set({
      result: sql`replace(${commandLog.result}, ${was}, ${now})`,
      fanout: sql`replace(${commandLog.fanout}, ${was}, ${now})`,
    })
    .where(
      or(
        and(isNotNull(commandLog.result), sql`instr(${commandLog.result}, ${was}) > 0`),
        and(isNotNull(commandLog.fanout), sql`instr(${commandLog.fanout}, ${was}) > 0`),
      ),
    );
}
