import { and, eq, sql } from "drizzle-orm";
import { notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { ownNoteInEvent } from "./find-note";
import { notesById, ownScreensSignal, toWire } from "./note-views";

/** An edit wins only when it was made on the latest version; otherwise the person is told. */
export const updateNote: WriteHandler<"note:update"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const { note, board } = await ownNoteInEvent(tx, actor, payload.noteId);
    if (payload.text === undefined && payload.colour === undefined) {
      throw new CommandFailure("invalid", "Nothing to change.");
    }
    const changed = await tx
      .update(notes)
      .set({
        text: payload.text ?? note.text,
        colour: payload.colour ?? note.colour,
        version: sql`${notes.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(notes.id, note.id), eq(notes.version, payload.baseVersion)))
      .returning({ id: notes.id });
    if (changed.length === 0) {
      throw new CommandFailure(
        "conflict",
        "Someone else changed this note while you were editing. Check their version, then edit again.",
      );
    }
    const [row] = await notesById(tx, board.id, [note.id]);
    if (!row) throw new Error("note vanished");
    return {
      result: { note: toWire(row, board, actorKey(actor)) },
      broadcasts: [{ room: rooms.board(board.id), event: "note:changed", data: { notes: [toWire(row, board, null)] } }],
      signals: ownScreensSignal(row, board),
    };
  },
};
