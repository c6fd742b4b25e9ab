import { eq } from "drizzle-orm";
import { notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { assertMayWrite } from "@/lib/boards/board-access";
import { isMapBoard } from "@/lib/boards/pins";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { noteInEvent } from "./find-note";
import { assertMayArrange } from "./groups";
import { notesById, toWire } from "./note-views";

/**
 * Moving a pin on a map board is like moving a note between columns: everyone's who may write
 * on the board, and the last move wins. It changes where, not what, so the note's version (which
 * guards its text) stays as it is.
 */
export const pinNote: WriteHandler<"note:pin"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const { note, board } = await noteInEvent(tx, actor, payload.noteId);
    await assertMayWrite(tx, actor, board);
    if (!isMapBoard(board)) throw new CommandFailure("conflict", "This board has no map to pin notes on.");
    // Like moving it between columns: a participant pins only notes they can read (not another's
    // before the reveal, nor one a facilitator hid from the room); staff arrange any.
    assertMayArrange(actor, board, note);
    await tx.update(notes).set({ pinX: payload.pin.x, pinY: payload.pin.y, updatedAt: now }).where(eq(notes.id, note.id));
    const [row] = await notesById(tx, board.id, [note.id]);
    if (!row) throw new Error("note vanished");
    return {
      result: { note: toWire(row, board, actorKey(actor)) },
      broadcasts: [{ room: rooms.board(board.id), event: "note:changed", data: { notes: [toWire(row, board, null)] } }],
    };
  },
};
