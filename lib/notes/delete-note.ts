import { eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deletedNotes, noteGroups, notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { scrubNotesLater } from "@/lib/realtime/command-log-scrub";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { dotsToKeep } from "@/lib/voting/keep-dots";
import { ownNoteInEvent } from "./find-note";
import { dissolveSingletonGroup } from "./groups";
import { notesGone } from "./notes-gone";
import { undoKeptMs } from "./undo-rules";

/**
 * Copies kept for an undo that has run out go, every `undoKeptMs` (lib/realtime/socket-server.ts),
 * and with them the note's words from the command records that held them (its creation, its
 * edits, a neighbour's grouping, a facilitator's copy): the note is now gone for good.
 * Done here, not by each delete: a minute's deletes share one walk of each event's records (done
 * after, a chunk at a time: lib/realtime/command-log-scrub.ts), and a delete undone is never looked for.
 */
export async function pruneDeletedNotes(db: Database, now = Date.now()) {
  await db.transact(async (tx) => {
    const gone = await tx
      .delete(deletedNotes)
      .where(lt(deletedNotes.deletedAt, now - undoKeptMs))
      .returning({ id: deletedNotes.noteId, boardId: deletedNotes.boardId });
    await scrubNotesLater(tx, gone);
  });
}

/**
 * Deletes a note for everyone at once, keeping a copy for a minute so whoever deleted it can undo
 * (lib/notes/restore-note.ts): the row as it was, if it was the second-last note of a group the
 * group that deleting it dissolved, and who had dots on them in a round still open.
 */
export const deleteNote: WriteHandler<"note:delete"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const { note, board } = await ownNoteInEvent(tx, actor, payload.noteId);
    const [group] = note.groupId ? await tx.select().from(noteGroups).where(eq(noteGroups.id, note.groupId)) : [];
    const groupMates = group
      ? (await tx.select({ id: notes.id }).from(notes).where(eq(notes.groupId, group.id)))
          .map((n) => n.id)
          .filter((id) => id !== note.id)
      : [];
    // Read before the delete gives them back to their voters: an undo puts them back.
    const onIt = await dotsToKeep(tx, board.id, group ? [note.id, group.id] : [note.id]);
    await tx.delete(notes).where(eq(notes.id, note.id));
    const broadcasts: Broadcast[] = await notesGone(tx, [note]);
    if (note.groupId) broadcasts.push(...(await dissolveSingletonGroup(tx, board, note.groupId)));
    const dissolved = group && broadcasts.some((b) => b.event === "group:removed");
    await tx
      .insert(deletedNotes)
      .values({
        noteId: note.id,
        boardId: board.id,
        deletedBy: actorKey(actor),
        authorParticipantId: note.authorParticipantId,
        authorAccountId: note.authorAccountId,
        note: { ...note },
        dissolvedGroup: dissolved ? { id: group.id, title: group.title, createdAt: group.createdAt, noteIds: groupMates } : null,
        // A group that stays keeps its dots: only a dissolved one's went back.
        keptDots: onIt.filter((d) => d.targetId === note.id || dissolved),
        deletedAt: now,
      })
      .onConflictDoNothing();
    return { result: { noteId: note.id }, broadcasts };
  },
};
