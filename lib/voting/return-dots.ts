import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { voteRounds, votes } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";

/**
 * Notes or groups of a board that are gone (deleted, erased, a group dissolved): the dots on them
 * in a round still open go back to their voters, who may spend them again (a dot on something no
 * longer on the board could be neither seen nor taken back). Dots in a closed round stay, as the
 * record of how the room voted. The counts follow through the votes' triggers; the socket layer
 * sends the round's tally again when it passes on `vote:dots-returned`.
 */
export async function returnDotsOn(tx: Tx, boardId: string, targetIds: readonly string[]): Promise<Broadcast[]> {
  if (targetIds.length === 0) return [];
  const open = await tx
    .select({ id: voteRounds.id })
    .from(voteRounds)
    .where(and(eq(voteRounds.boardId, boardId), eq(voteRounds.status, "open")));
  const broadcasts: Broadcast[] = [];
  for (const round of open) {
    const returned = new Set<string>();
    for (let i = 0; i < targetIds.length; i += 500) {
      const gone = await tx
        .delete(votes)
        .where(and(eq(votes.roundId, round.id), inArray(votes.targetId, targetIds.slice(i, i + 500))))
        .returning({ targetId: votes.targetId });
      for (const g of gone) returned.add(g.targetId);
    }
    if (returned.size > 0) {
      broadcasts.push({
        room: rooms.votes(boardId),
        event: "vote:dots-returned",
        data: { roundId: round.id, targetIds: [...returned] },
      });
    }
  }
  return broadcasts;
}

/** The same for notes deleted across boards at once: grouped by board. */
export async function returnDotsOnNotes(tx: Tx, deleted: readonly { id: string; boardId: string }[]): Promise<Broadcast[]> {
  const byBoard = new Map<string, string[]>();
  for (const n of deleted) byBoard.set(n.boardId, [...(byBoard.get(n.boardId) ?? []), n.id]);
  const broadcasts: Broadcast[] = [];
  for (const [boardId, ids] of byBoard) broadcasts.push(...(await returnDotsOn(tx, boardId, ids)));
  return broadcasts;
}
