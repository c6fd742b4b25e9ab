import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { readRows, runFixed } from "@/db/fixed-sql";
import { commandLogScrubs } from "@/db/schema";
import { idsOnly } from "./ids-only";

/**
 * How many records one chunk reads, and so the most one transaction rewrites: a day of one
 * event's log can be a gigabyte (showcase saves), and the write connection is shared by every
 * event, so no transaction may walk it whole.
 */
export const scrubChunkRecords = 200;

/** How often each process looks for scrubs to do: a name or words stay in the log seconds after the change, not minutes. */
export const scrubEveryMs = 2_000;

type Job = typeof commandLogScrubs.$inferSelect;
type LoggedCommand = { actorKey: string; commandId: string; result: string | null; fanout: string | null };

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Whether a record is one to scrub: sent by one of `sentBy`, or holding one of `mentioning` in its
 * result or broadcasts. Ids are found as whole uuids in the text (one pass over it, however many
 * ids: a flooder's hundreds of notes), any other id by a plain search.
 */
export function recordMatcher(mentioning: readonly string[], sentBy: readonly string[]) {
  const keys = new Set(sentBy);
  const uuids = new Set(mentioning.filter((id) => new RegExp(`^${uuid.source}$`, "i").test(id)).map((id) => id.toLowerCase()));
  const others = mentioning.filter((id) => !uuids.has(id.toLowerCase()));
  const holds = (text: string | null) =>
    text !== null &&
    ((uuids.size > 0 && [...text.matchAll(uuid)].some((m) => uuids.has(m[0].toLowerCase()))) ||
      others.some((id) => text.includes(id)));
  return (record: LoggedCommand) => keys.has(record.actorKey) || holds(record.result) || holds(record.fanout);
}

/** A matched record as it is kept: its result's ids only, no broadcasts; null when it already is so. */
export function scrubbedRecord(record: LoggedCommand): { result: string | null } | null {
  let result: string | null = null;
  if (record.result !== null) {
    try {
      result = JSON.stringify(idsOnly(JSON.parse(record.result)));
    } catch {
      // Not JSON (a record broken before names were no longer replaced as text): nothing in it
      // can answer a retry, so nothing of it is kept.
      result = null;
    }
  }
  return record.fanout === null && result === record.result ? null : { result };
}

const chunkOfEvent =
  "select rowid, actor_key, command_id, result, fanout from command_log where event_id = ?1 and rowid > ?2 order by rowid limit ?3";
const chunkWithoutEvent =
  "select rowid, actor_key, command_id, result, fanout from command_log where event_id is null and rowid > ?1 order by rowid limit ?2";
const rewrite = "update command_log set result = ?3, fanout = null where actor_key = ?1 and command_id = ?2";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Does the scrubs recorded by scrubCommandLogLater (./command-log-scrub.ts): for each event, its
 * records (and those older than the event column, kept a day at most) in rowid order, a chunk at
 * a time. A chunk is read on the read pool, then its matches rewritten and the scrub's progress
 * saved in one short transaction, and the event loop is let go before the next: other writes take
 * their turns between chunks, and a process that dies resumes where the last chunk committed.
 * Every scrub waiting for an event shares one walk (many renames cost one). A scrub is done,
 * and goes, once the walk has reached the event's last record.
 *
 * Safe from several processes at once: a record rewritten twice is rewritten to the same thing,
 * and progress only moves forward. Returns how many records were rewritten.
 */
export async function runCommandLogScrubs(
  db: Database,
  options: {
    chunkRecords?: number;
    /** After each chunk's transaction: how many records it read and rewrote (a test's window on the work). */
    onChunk?: (chunk: { read: number; rewritten: number }) => void;
  } = {},
): Promise<number> {
  const limit = options.chunkRecords ?? scrubChunkRecords;
  const jobs = await db.read.select().from(commandLogScrubs).orderBy(commandLogScrubs.id);
  const byEvent = new Map<string, Job[]>();
  for (const job of jobs) byEvent.set(job.eventId, [...(byEvent.get(job.eventId) ?? []), job]);
  let rewritten = 0;
  for (const [eventId, waiting] of byEvent) {
    const matches = recordMatcher(
      waiting.flatMap((j) => j.mentioning),
      waiting.flatMap((j) => j.sentBy),
    );
    const ids = waiting.map((j) => j.id);
    for (const withoutEvent of [true, false]) {
      const column = withoutEvent ? commandLogScrubs.doneToWithoutEvent : commandLogScrubs.doneTo;
      let after = Math.min(...waiting.map((j) => (withoutEvent ? j.doneToWithoutEvent : j.doneTo)));
      for (;;) {
        const rows = withoutEvent
          ? await readRows(db.read, chunkWithoutEvent, [after, limit])
          : await readRows(db.read, chunkOfEvent, [eventId, after, limit]);
        if (rows.length === 0) break;
        const records = rows.map((r) => ({
          actorKey: String(r.actor_key),
          commandId: String(r.command_id),
          result: r.result === null ? null : String(r.result),
          fanout: r.fanout === null ? null : String(r.fanout),
        }));
        const changes = records.filter(matches).flatMap((r) => {
          const kept = scrubbedRecord(r);
          return kept ? [{ ...r, ...kept }] : [];
        });
        const reached = Number(rows[rows.length - 1]?.rowid);
        await db.transact(async (tx) => {
          for (const c of changes) await runFixed(tx, rewrite, [c.actorKey, c.commandId, c.result]);
          await tx
            .update(commandLogScrubs)
            .set({ [withoutEvent ? "doneToWithoutEvent" : "doneTo"]: sql`max(${column}, ${reached})` })
            .where(inArray(commandLogScrubs.id, ids));
        });
        rewritten += changes.length;
        options.onChunk?.({ read: rows.length, rewritten: changes.length });
        after = reached;
        if (rows.length < limit) break;
        await nextTurn();
      }
    }
    await db.transact((tx) => tx.delete(commandLogScrubs).where(inArray(commandLogScrubs.id, ids)));
  }
  return rewritten;
}
