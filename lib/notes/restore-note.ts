import { and, eq, inArray, isNull } from "drizzle-orm";
import { deletedNotes, noteGroups, notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { assertMayWrite, boardInEvent } from "@/lib/boards/board-access";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { giveBackDots } from "@/lib/voting/keep-dots";
import { ownNoteInEvent } from "./find-note";
import { groupToWire, memberAuthorKeys } from "./groups";
import { notesById, ownScreensSignal, toWire } from "./note-views";
import { undoRefusal } from "./undo-rules";

type NoteRow = typeof notes.$inferInsert;

/**
 * Undo of a delete: the note comes back as it was, with its id (so its dots in closed rounds count
 * again), text, column, place and group. Dots on it in a round still open went back to their
 * voters when it was deleted (lib/voting/return-dots.ts); they are put back on it as far as each
 * voter still has them to spend (lib/voting/keep-dots.ts). A group the delete dissolved is made
 * again with the notes that were left in it, if they are still on their own, with its dots. If
 * none is (grouped elsewhere, or deleted since), the note comes back on its own: a group of one is
 * no group, and the dots given on the group stay with their voters, who have them to spend again.
 * Only whoever deleted it, within `undoKeptMs`.
 */
export const restoreNote: WriteHandler<"note:restore"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const [kept] = await tx.select().from(deletedNotes).where(eq(deletedNotes.noteId, payload.noteId));
    if (!kept) {
      // Not deleted (or already back): whoever may change it is told so; anyone else, as for any other note.
      const [still] = await tx.select({ id: notes.id }).from(notes).where(eq(notes.id, payload.noteId));
      if (!still) throw new CommandFailure("not_found", "That note can't be brought back any more.");
      await ownNoteInEvent(tx, actor, payload.noteId);
      throw new CommandFailure("conflict", "That note is already on the board.");
    }
    const refusal = undoRefusal(kept, actorKey(actor), now);
    if (refusal === "not-yours") throw new CommandFailure("forbidden", "Only the person who deleted a note can undo it.");
    if (refusal === "too-late") throw new CommandFailure("conflict", "Too late to undo: that note is gone for good.");
    const board = await boardInEvent(tx, actor, kept.boardId);
    await tx.delete(deletedNotes).where(eq(deletedNotes.noteId, kept.noteId));
    await assertMayWrite(tx, actor, board);

    const row = kept.note as NoteRow;
    const room = rooms.board(board.id);
    const broadcasts: Broadcast[] = [];
    let groupId = row.groupId ?? null;
    let regrouped: string[] = [];
    // The notes left in the group it dissolved, if nobody has put them elsewhere (or deleted them) since.
    const onTheirOwn = kept.dissolvedGroup?.noteIds.length
      ? await tx
          .select({ id: notes.id })
          .from(notes)
          .where(and(inArray(notes.id, kept.dissolvedGroup.noteIds), eq(notes.boardId, board.id), isNull(notes.groupId)))
      : [];
    const group = onTheirOwn.length > 0 ? kept.dissolvedGroup : null;
    if (kept.dissolvedGroup && !group) groupId = null;
    if (group) {
      await tx
        .insert(noteGroups)
        .values({ id: group.id, boardId: board.id, title: group.title, createdAt: group.createdAt })
        .onConflictDoNothing();
      regrouped = onTheirOwn.map((n) => n.id);
      await tx.update(notes).set({ groupId: group.id }).where(inArray(notes.id, regrouped));
      broadcasts.push({
        room,
        event: "group:changed",
        data: { group: groupToWire(board, group, [], null) },
      });
    } else if (groupId) {
      const [still] = await tx.select({ id: noteGroups.id }).from(noteGroups).where(eq(noteGroups.id, groupId));
      if (!still) groupId = null;
    }
    await tx.insert(notes).values({ ...row, groupId, boardId: board.id });

    const dots = await giveBackDots(tx, board, kept.keptDots ?? [], now);

    const [restored] = await notesById(tx, board.id, [kept.noteId]);
    if (!restored) throw new Error("restored note vanished");
    const mates = regrouped.length ? await notesById(tx, board.id, regrouped) : [];
    broadcasts.push({ room, event: "note:created", data: { note: toWire(restored, board, null) } });
    if (mates.length) broadcasts.push({ room, event: "note:changed", data: { notes: mates.map((n) => toWire(n, board, null)) } });
    return {
      result: {
        note: toWire(restored, board, actorKey(actor)),
        notes: mates.map((n) => toWire(n, board, actorKey(actor))),
        group: group ? groupToWire(board, group, await memberAuthorKeys(tx, group.id), actorKey(actor)) : null,
      },
      broadcasts,
      signals: [...ownScreensSignal(restored, board), ...dots],
    };
  },
};
