import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { roomSequences } from "@/db/schema";
import type { Broadcast } from "./handler";

/** Takes the next sequence number of a room, inside the command's transaction. */
export async function nextSeq(tx: Tx, room: string): Promise<number> {
  const [row] = await tx
    .insert(roomSequences)
    .values({ room, seq: 1 })
    .onConflictDoUpdate({ target: roomSequences.room, set: { seq: sql`${roomSequences.seq} + 1` } })
    .returning({ seq: roomSequences.seq });
  if (!row) throw new Error(`no sequence for ${room}`);
  return row.seq;
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
