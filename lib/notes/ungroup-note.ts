import { eq } from "drizzle-orm";
import { notes } from "@/db/schema";
import { assertMayWrite } from "@/lib/boards/board-access";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { noteInEvent } from "./find-note";
import { assertMayArrange, dissolveSingletonGroup } from "./groups";
import { notesById, toWire } from "./note-views";

export const ungroupNote: WriteHandler<"note:ungroup"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const { note, board } = await noteInEvent(tx, actor, payload.noteId);
    await assertMayWrite(tx, actor, board);
    assertMayArrange(actor, board, note);
    if (!note.groupId) {
      const [row] = await notesById(tx, board.id, [note.id]);
      return { result: { notes: row ? [toWire(row, board, null)] : [], removedGroupId: null }, broadcasts: [] };
    }
    await tx.update(notes).set({ groupId: null, updatedAt: now }).where(eq(notes.id, note.id));
    const rows = await notesById(tx, board.id, [note.id]);
    const broadcasts: Broadcast[] = [
      { room: rooms.board(board.id), event: "note:changed", data: { notes: rows.map((r) => toWire(r, board, null)) } },
      ...(await dissolveSingletonGroup(tx, board, note.groupId)),
    ];
    const removed = broadcasts.some((b) => b.event === "group:removed") ? note.groupId : null;
    return { result: { notes: rows.map((r) => toWire(r, board, null)), removedGroupId: removed }, broadcasts };
  },
};
