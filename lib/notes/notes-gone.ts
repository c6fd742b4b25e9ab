import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { returnDotsOnNotes } from "@/lib/voting/return-dots";
import { dissolveSingletonGroup } from "./groups";

/**
 * Notes just deleted, as the room hears of it: each open board drops them, and the dots on them
 * in a round still open go back to their voters (lib/voting/return-dots.ts).
 */
export async function notesGone(tx: Tx, deleted: readonly { id: string; boardId: string }[]): Promise<Broadcast[]> {
  return [
    ...deleted.map((n) => ({ room: rooms.board(n.boardId), event: "note:deleted" as const, data: { noteId: n.id } })),
    ...(await returnDotsOnNotes(tx, deleted)),
  ];
}

/**
 * A group left with one note by a deletion of many notes is no group: the same rule as deleting
 * one note (dissolveSingletonGroup), for each group the deleted notes were in.
 */
export async function dissolveGroupsLeftAlone(
  tx: Tx,
  deleted: readonly { boardId: string; groupId: string | null }[],
): Promise<Broadcast[]> {
  const grouped = [...new Map(deleted.filter((n) => n.groupId).map((n) => [n.groupId as string, n.boardId])).entries()];
  if (grouped.length === 0) return [];
  const boardRows = await tx
    .select()
    .from(boards)
    .where(inArray(boards.id, [...new Set(grouped.map(([, b]) => b))]));
  const broadcasts: Broadcast[] = [];
  for (const [groupId, boardId] of grouped) {
    const board = boardRows.find((b) => b.id === boardId);
    if (board) broadcasts.push(...(await dissolveSingletonGroup(tx, board, groupId)));
  }
  return broadcasts;
}
