import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { rowsOf } from "@/db/fixed-sql";
import { oncePerCommit } from "@/db/group-commit";
import { roomSequences } from "@/db/schema";
import type { Broadcast } from "./handler";

// Every write command takes one or more of these: fixed SQL text (db/fixed-sql.ts).
const takeNext =
  "insert into room_sequences (room, seq) values (?1, 1) on conflict (room) do update set seq = seq + 1 returning seq";

/** Takes the next sequence number of a room, inside the command's transaction. */
export async function nextSeq(tx: Tx, room: string): Promise<number> {
  const [row] = await rowsOf(tx, takeNext, [room]);
  if (!row) throw new Error(`no sequence for ${room}`);
  return Number(row.seq);
}

/**
 * Counters of state that is sent whole rather than as a sequence of events (a round's tally,
 * an event's presence). Each process batches and sends these itself, so two processes' sends
 * can cross on the way to a client: the version lets the client keep the newer one.
 */
export const versionKeys = {
  tally: (roundId: string) => `tally:${roundId}`,
  presence: (eventId: string) => `presence:${eventId}`,
};

/**
 * Moves a version counter once in this write's commit, however many writes in the commit change
 * that state (a commit of forty dots moves the tally's version once, not forty times).
 */
export function bumpVersionOnCommit(tx: Tx, key: string) {
  oncePerCommit(tx, `version ${key}`, (t) => nextSeq(t, key));
}

/** The current value of a room's sequence or of a version counter (0 before the first). */
export async function currentSeq(db: Db | Tx, key: string): Promise<number> {
  const [row] = await db.select({ seq: roomSequences.seq }).from(roomSequences).where(eq(roomSequences.room, key));
  return row?.seq ?? 0;
}

export function seqQuery(db: Db, room: string) {
  return db.select({ seq: roomSequences.seq }).from(roomSequences).where(eq(roomSequences.room, room));
}

/**
 * Numbers broadcasts made outside a command (e.g. by a page's server action), inside its
 * transaction; emit the result after commit with `sharedRealtime()?.emitBroadcasts(…)`.
 */
export async function sequenceBroadcasts(tx: Tx, broadcasts: readonly Broadcast[]): Promise<(Broadcast & { seq: number })[]> {
  const sequenced: (Broadcast & { seq: number })[] = [];
  for (const b of broadcasts) sequenced.push({ ...b, seq: await nextSeq(tx, b.room) });
  return sequenced;
}
