import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commandLog } from "@/db/schema";
import { idsOnly } from "./ids-only";

/**
 * Takes personal data out of the command records that carry it, in the caller's transaction:
 * those whose result or broadcasts mention one of `mentioning` (a person erased, a note deleted
 * for good: found by id, as a record names them whoever sent it, and their words may since have
 * changed) and those `sentBy` these actor keys. What they broadcast goes (it is only re-sent
 * within a minute, lib/realtime/command-log.ts); their result keeps only its ids (./ids-only.ts),
 * which is all a retry's answer needs. Rows are rewritten, never deleted: a deleted row would let
 * a retry apply its command twice.
 *
 * One pass over the log (a day of records at most), whatever the number of ids: run it when
 * someone is erased or a batch of notes goes for good, not on every delete.
 */
export async function scrubCommandLog(
  tx: Tx,
  scope: { mentioning?: readonly string[]; sentBy?: readonly string[] },
): Promise<number> {
  const ids = [...new Set(scope.mentioning ?? [])].filter((id) => id.length > 0);
  const keys = [...new Set(scope.sentBy ?? [])];
  const which: SQL[] = [];
  if (ids.length > 0) {
    which.push(sql`exists (select 1 from json_each(${JSON.stringify(ids)}) as mentioned
      where instr(${commandLog.result}, mentioned.value) > 0 or instr(${commandLog.fanout}, mentioned.value) > 0)`);
  }
  if (keys.length > 0) which.push(sql`${commandLog.actorKey} in (select value from json_each(${JSON.stringify(keys)}))`);
  if (which.length === 0) return 0;
  const rows = await tx
    .select({
      actorKey: commandLog.actorKey,
      commandId: commandLog.commandId,
      result: commandLog.result,
      noFanout: sql<number>`${commandLog.fanout} is null`,
    })
    .from(commandLog)
    .where(or(...which));
  let scrubbed = 0;
  for (const row of rows) {
    const result = row.result === null ? null : idsOnly(row.result);
    // Already scrubbed (its ids still match): nothing to write.
    if (row.noFanout && JSON.stringify(result) === JSON.stringify(row.result)) continue;
    await tx
      .update(commandLog)
      .set({ result, fanout: null })
      .where(and(eq(commandLog.actorKey, row.actorKey), eq(commandLog.commandId, row.commandId)));
    scrubbed += 1;
  }
  return scrubbed;
}
