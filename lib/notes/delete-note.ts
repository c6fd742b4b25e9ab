import { eq } from "drizzle-orm";
import { notes } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { ownNoteInEvent } from "./find-note";
import { dissolveSingletonGroup } from "./groups";

export const deleteNote: WriteHandler<"note:delete"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload }) {
    const { note, board } = await ownNoteInEvent(tx, actor, payload.noteId);
    await tx.delete(notes).where(eq(notes.id, note.id));
    const broadcasts: Broadcast[] = [{ room: rooms.board(board.id), event: "note:deleted", data: { noteId: note.id } }];
    if (note.groupId) broadcasts.push(...(await dissolveSingletonGroup(tx, board, note.groupId)));
    return { result: { noteId: note.id }, broadcasts };
  },
};
