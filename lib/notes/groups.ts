import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { noteGroups, notes } from "@/db/schema";
import type { BoardRow } from "@/lib/boards/board-access";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { notesById, toWire } from "./note-views";

/** A group of one is no group: its last note goes back to standing alone and the group goes. */
export async function dissolveSingletonGroup(tx: Tx, board: BoardRow, groupId: string): Promise<Broadcast[]> {
  const members = await tx.select({ id: notes.id }).from(notes).where(eq(notes.groupId, groupId));
  if (members.length > 1) return [];
  await tx.update(notes).set({ groupId: null }).where(eq(notes.groupId, groupId));
  await tx.delete(noteGroups).where(eq(noteGroups.id, groupId));
  const room = rooms.board(board.id);
  const freed = await notesById(
    tx,
    board.id,
    members.map((m) => m.id),
  );
  const broadcasts: Broadcast[] = [];
  if (freed.length > 0) {
    broadcasts.push({ room, event: "note:changed", data: { notes: freed.map((r) => toWire(r, board, null)) } });
  }
  broadcasts.push({ room, event: "group:removed", data: { groupId } });
  return broadcasts;
}
