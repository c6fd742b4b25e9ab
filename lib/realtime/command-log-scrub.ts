import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards, commandLogScrubs } from "@/db/schema";

export type ScrubScope = { mentioning?: readonly string[]; sentBy?: readonly string[] };

/**
 * Takes personal data out of the command records of one event that carry it: those whose result
 * or broadcasts mention one of `mentioning` (a person erased or renamed, a note deleted for good:
 * found by id, as a record names them whoever sent it, and their words may since have changed)
 * and those `sentBy` these actor keys. What they broadcast goes (it is only re-sent within a
 * minute, lib/realtime/command-log.ts); their result keeps only its ids (./ids-only.ts), which is
 * all a retry's answer needs. Rows are rewritten, never deleted: a deleted row would let a retry
 * apply its command twice.
 *
 * Not done here: this records what to do, in the caller's transaction (so it commits, or not,
 * with the erasure or rename), and the worker (./command-log-scrub-worker.ts) walks the event's
 * records after it, a chunk per transaction. Walking them here would hold every other write of
 * every event for as long as the log is big.
 */
export async function scrubCommandLogLater(tx: Tx, eventId: string, scope: ScrubScope): Promise<void> {
  const mentioning = [...new Set(scope.mentioning ?? [])].filter((id) => id.length > 0);
  const sentBy = [...new Set(scope.sentBy ?? [])];
  if (mentioning.length === 0 && sentBy.length === 0) return;
  await tx.insert(commandLogScrubs).values({ eventId, mentioning, sentBy });
}

/** The same for notes gone for good, wherever they were: each event's records, for its notes. */
export async function scrubNotesLater(tx: Tx, gone: readonly { id: string; boardId: string }[]): Promise<void> {
  if (gone.length === 0) return;
  const boardIds = [...new Set(gone.map((n) => n.boardId))];
  const events = await tx.select({ id: boards.id, eventId: boards.eventId }).from(boards).where(inArray(boards.id, boardIds));
  const eventOf = new Map(events.map((b) => [b.id, b.eventId]));
  const byEvent = new Map<string, string[]>();
  for (const note of gone) {
    const eventId = eventOf.get(note.boardId);
    if (eventId) byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), note.id]);
  }
  for (const [eventId, ids] of byEvent) await scrubCommandLogLater(tx, eventId, { mentioning: ids });
}
