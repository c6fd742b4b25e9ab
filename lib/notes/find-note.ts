import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { boardInEvent } from "@/lib/boards/board-access";
import { canChangeNote } from "@/lib/boards/rules";
import { CommandFailure } from "@/lib/realtime/command-error";

/** A note and its board, if both are in the actor's event. */
export async function noteInEvent(tx: Tx, actor: Actor, noteId: string) {
  const [note] = await tx.select().from(notes).where(eq(notes.id, noteId));
  if (!note) throw new CommandFailure("not_found", "That note has been deleted.");
  const board = await boardInEvent(tx, actor, note.boardId);
  return { note, board };
}

/** Editing and deleting: your own notes, or any if you run the room. */
export async function ownNoteInEvent(tx: Tx, actor: Actor, noteId: string) {
  const found = await noteInEvent(tx, actor, noteId);
  const author = { participantId: found.note.authorParticipantId, accountId: found.note.authorAccountId };
  if (!canChangeNote(actor, author, found.board)) {
    if (found.board.locked) throw new CommandFailure("conflict", "This board is locked by the facilitator.");
    throw new CommandFailure("forbidden", "You can only change your own notes.");
  }
  return found;
}
