import { randomUUID } from "node:crypto";
import { and, asc, eq, gt } from "drizzle-orm";
import { noteGroups, notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { assertMayWrite } from "@/lib/boards/board-access";
import { positionBetween } from "@/lib/boards/rules";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { noteInEvent } from "./find-note";
import { assertMayArrange, dissolveSingletonGroup, groupToWire, memberAuthorKeys } from "./groups";
import { notesById, toWire } from "./note-views";

/**
 * Drops a note onto another: they form a group (or the note joins the other's group), and the
 * note moves next to it so a cluster sits together in one column.
 */
export const groupNote: WriteHandler<"note:group"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const { note, board } = await noteInEvent(tx, actor, payload.noteId);
    const { note: target } = await noteInEvent(tx, actor, payload.withNoteId);
    if (target.boardId !== board.id) throw new CommandFailure("invalid", "Notes can only be grouped on the same board.");
    await assertMayWrite(tx, actor, board);
    assertMayArrange(actor, board, note);
    assertMayArrange(actor, board, target);

    let groupId = target.groupId;
    if (!groupId) {
      groupId = randomUUID();
      await tx.insert(noteGroups).values({ id: groupId, boardId: board.id, title: "", createdAt: now });
      await tx.update(notes).set({ groupId }).where(eq(notes.id, target.id));
    }
    const [next] = await tx
      .select({ position: notes.position })
      .from(notes)
      .where(and(eq(notes.boardId, board.id), eq(notes.column, target.column), gt(notes.position, target.position)))
      .orderBy(asc(notes.position))
      .limit(1);
    const position = positionBetween(target.position, next?.position) ?? target.position + 1e-6;
    await tx.update(notes).set({ groupId, column: target.column, position, updatedAt: now }).where(eq(notes.id, note.id));

    const room = rooms.board(board.id);
    const [group] = await tx
      .select({ id: noteGroups.id, title: noteGroups.title })
      .from(noteGroups)
      .where(eq(noteGroups.id, groupId));
    if (!group) throw new Error("group vanished");
    const members = await memberAuthorKeys(tx, groupId);
    const rows = await notesById(tx, board.id, [note.id, target.id]);
    const broadcasts: Broadcast[] = [
      { room, event: "group:changed", data: { group: groupToWire(board, group, members, null) } },
      { room, event: "note:changed", data: { notes: rows.map((r) => toWire(r, board, null)) } },
    ];
    if (note.groupId && note.groupId !== groupId) broadcasts.push(...(await dissolveSingletonGroup(tx, board, note.groupId)));
    return {
      result: { group: groupToWire(board, group, members, actorKey(actor)), notes: rows.map((r) => toWire(r, board, null)) },
      broadcasts,
    };
  },
};
