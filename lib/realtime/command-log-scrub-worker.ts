import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { readRows, runFixed } from "@/db/fixed-sql";
import { commandLogScrubs, commandLogScrubWalks } from "@/db/schema";
import { afterChunk, comesBefore, roundFrom, type WalkPosition, walkStart } from "./command-log-scrub-walk";
import { idsOnly } from "./ids-only";

/**
 * How many records one chunk reads, and so the most one transaction rewrites: a day of one
 * event's log can be a gigabyte (showcase saves), and the write connection is shared by every
 * event, so no transaction may walk it whole.
 */
export const scrubChunkRecords = 200;

/** How often each process looks for scrubs to do: a name or words stay in the log seconds after the change, not minutes. */
export const scrubEveryMs = 2_000;

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

/**
 * The next chunk of one event's records from rowid ?2, with those older than the event column
 * (kept a day at most) among them in rowid order: one walk, one position. Each side is a range of
 * the event index, merged in order and cut at ?3, so a chunk reads ?3 rows whatever the log's size.
 */
const chunkAfter = `select rowid, actor_key, command_id, result, fanout from command_log where rowid in (
  select rowid from command_log where event_id = ?1 and rowid > ?2
  union all select rowid from command_log where event_id is null and rowid > ?2
  order by 1 limit ?3
) order by rowid`;
const rewrite = "update command_log set result = ?3, fanout = null where actor_key = ?1 and command_id = ?2";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

type Options = {
  chunkRecords?: number;
  /**
   * After each chunk's transaction: how many records it read and rewrote (a test's window on the
   * work, which may queue more scrubs or stop the run there, as a crash would).
   */
  onChunk?: (chunk: { read: number; rewritten: number }) => unknown;
};

/**
 * Does the scrubs recorded by scrubCommandLogLater (./command-log-scrub.ts): for each event, its
 * records (and those older than the event column) in rowid order, a chunk at a time. A chunk is
 * read on the read pool, then its matches rewritten and the walk's position saved in one short
 * transaction, and the event loop is let go before the next: other writes take their turns
 * between chunks, and a process that dies resumes where the last chunk committed.
 *
 * Every scrub of an event shares one walk, and one queued while it is under way joins it at the
 * next chunk (./command-log-scrub-walk.ts): renames during a walk cost one more lap up to where
 * the last of them joined, not a walk each. A run carries the walk until the scrubs it found
 * waiting are done; those that joined on the way are carried on from there by the next run.
 *
 * Safe from several processes at once: a chunk counts only if the walk is still where it was when
 * the chunk was read (else another process read it, and this one carries on from where that left
 * it), and a record rewritten twice is rewritten to the same thing. Returns how many records were rewritten.
 */
export async function runCommandLogScrubs(db: Database, options: Options = {}): Promise<number> {
  const waiting = await db.read.select({ eventId: commandLogScrubs.eventId }).from(commandLogScrubs);
  let rewritten = 0;
  for (const eventId of new Set(waiting.map((j) => j.eventId))) rewritten += await walkEvent(db, eventId, options);
  return rewritten;
}

async function walkEvent(db: Database, eventId: string, options: Options): Promise<number> {
  const limit = options.chunkRecords ?? scrubChunkRecords;
  const jobsNow = () => db.read.select().from(commandLogScrubs).where(eq(commandLogScrubs.eventId, eventId));
  const owed = new Set((await jobsNow()).map((j) => j.id));
  let matcher = { of: "", matches: recordMatcher([], []) };
  let rewritten = 0;
  for (;;) {
    const jobs = await jobsNow();
    if (!jobs.some((j) => owed.has(j.id))) return rewritten;
    const [walk] = await db.read.select().from(commandLogScrubWalks).where(eq(commandLogScrubWalks.eventId, eventId));
    const from = walk ? { lap: walk.lap, at: walk.at } : walkStart;
    const ids = jobs.map((j) => j.id);
    if (matcher.of !== ids.join()) {
      matcher = {
        of: ids.join(),
        matches: recordMatcher(
          jobs.flatMap((j) => j.mentioning),
          jobs.flatMap((j) => j.sentBy),
        ),
      };
    }
    const rows = await readRows(db.read, chunkAfter, [eventId, from.at, limit]);
    const records = rows.map((r) => ({
      actorKey: String(r.actor_key),
      commandId: String(r.command_id),
      result: r.result === null ? null : String(r.result),
      fanout: r.fanout === null ? null : String(r.fanout),
    }));
    const changes = records.filter(matcher.matches).flatMap((r) => {
      const kept = scrubbedRecord(r);
      return kept ? [{ ...r, ...kept }] : [];
    });
    const to = afterChunk(from, { count: rows.length, lastAt: Number(rows[rows.length - 1]?.rowid ?? 0) }, limit);
    const counted = await db.transact((tx) => saveChunk(tx, eventId, { from, to, joining: ids, changes }));
    if (counted) {
      rewritten += changes.length;
      await options.onChunk?.({ read: rows.length, rewritten: changes.length });
    }
    await nextTurn();
  }
}

/**
 * One chunk's rewrites and the walk's new position, if the walk is still at `from` (false, and
 * nothing written, if another process has moved it). The scrubs it was read for that had not
 * joined join at `from`; those the walk has now gone once round for are done.
 */
async function saveChunk(
  tx: Tx,
  eventId: string,
  chunk: { from: WalkPosition; to: WalkPosition; joining: number[]; changes: LoggedCommand[] },
): Promise<boolean> {
  const { from, to } = chunk;
  const ofEvent = eq(commandLogScrubWalks.eventId, eventId);
  const [walk] = await tx.select().from(commandLogScrubWalks).where(ofEvent);
  const now = walk ? { lap: walk.lap, at: walk.at } : walkStart;
  if (comesBefore(now, from) || comesBefore(from, now)) return false;
  const joining = new Set(chunk.joining);
  const jobs = await tx
    .select({ id: commandLogScrubs.id, lap: commandLogScrubs.joinedLap, at: commandLogScrubs.joinedAt })
    .from(commandLogScrubs)
    .where(eq(commandLogScrubs.eventId, eventId));
  // One another process joined after this chunk's scrubs were read: the chunk was not checked for it.
  if (jobs.some((j) => j.lap !== null && !joining.has(j.id))) return false;
  for (const c of chunk.changes) await runFixed(tx, rewrite, [c.actorKey, c.commandId, c.result]);
  await tx
    .update(commandLogScrubs)
    .set({ joinedLap: from.lap, joinedAt: from.at })
    .where(and(inArray(commandLogScrubs.id, chunk.joining), isNull(commandLogScrubs.joinedLap)));
  const joined = jobs.map((j) => (j.lap === null && joining.has(j.id) ? { ...j, ...from } : j));
  const done = joined.filter((j) => j.lap !== null && j.at !== null && roundFrom({ lap: j.lap, at: j.at }, to));
  if (done.length > 0)
    await tx.delete(commandLogScrubs).where(
      inArray(
        commandLogScrubs.id,
        done.map((j) => j.id),
      ),
    );
  if (done.length === jobs.length) await tx.delete(commandLogScrubWalks).where(ofEvent);
  else if (walk) await tx.update(commandLogScrubWalks).set(to).where(ofEvent);
  else await tx.insert(commandLogScrubWalks).values({ eventId, ...to });
  return true;
}
