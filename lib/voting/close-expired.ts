import { and, eq, isNotNull, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { voteRounds } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import type { SequencedBroadcast } from "@/lib/realtime/execute-command";
import { nextSeq, versionKeys } from "@/lib/realtime/sequence";
import { roundView } from "./round-store";

/**
 * Closes rounds whose time is up and returns what to broadcast. Safe to run in every process at
 * once: only the process whose UPDATE flips a round from open announces it.
 */
export async function closeExpiredRounds(db: Database, now = Date.now()): Promise<SequencedBroadcast[]> {
  return db.transact(async (tx) => {
    const closed = await tx
      .update(voteRounds)
      .set({ status: "closed", closedAt: now })
      .where(and(eq(voteRounds.status, "open"), isNotNull(voteRounds.endsAt), lte(voteRounds.endsAt, now)))
      .returning();
    const out: SequencedBroadcast[] = [];
    for (const round of closed) {
      const room = rooms.votes(round.boardId);
      out.push({ room, event: "vote:round-changed", data: { round: roundView(round) }, seq: await nextSeq(tx, room) });
      await nextSeq(tx, versionKeys.tally(round.id)); // closing hides live tallies
    }
    return out;
  });
}
