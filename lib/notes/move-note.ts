import { and, asc, desc, eq, lt, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { assertMayWrite } from "@/lib/boards/board-access";
import { positionBetween } from "@/lib/boards/rules";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { noteInEvent } from "./find-note";
import { assertMayArrange, dissolveSingletonGroup } from "./groups";
import { notesById, toWire } from "./note-views";

/** Spreads a column's notes back to whole-number positions when two neighbours get too close. */
async function renumberColumn(tx: Tx, boardId: string, column: string) {
  const ordered = await tx
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.boardId, boardId), eq(notes.column, column)))
    .orderBy(asc(notes.position), asc(notes.createdAt));
  for (const [i, n] of ordered.entries())
    await tx
      .update(notes)
      .set({ position: (i + 1) * 1024 })
      .where(eq(notes.id, n.id));
  return ordered.map((n) => n.id);
}

/** Where a note goes when placed before `beforeId` (or at the end) of a column. */
async function placement(tx: Tx, boardId: string, column: string, movingId: string, beforeId: string | null) {
  const inColumn = and(eq(notes.boardId, boardId), eq(notes.column, column), ne(notes.id, movingId));
  if (beforeId === null) {
    const [last] = await tx
      .select({ position: notes.position })
      .from(notes)
      .where(inColumn)
      .orderBy(desc(notes.position))
      .limit(1);
    return positionBetween(last?.position, undefined);
  }
  const [before] = await tx
    .select()
    .from(notes)
    .where(and(inColumn, eq(notes.id, beforeId)));
  if (!before) throw new CommandFailure("conflict", "The board changed while you were moving that note. Try again.");
  const [previous] = await tx
    .select({ position: notes.position })
    .from(notes)
    .where(and(inColumn, lt(notes.position, before.position)))
    .orderBy(desc(notes.position))
    .limit(1);
  return positionBetween(previous?.position, before.position);
}

/**
 * Moving and reordering is everyone's (on a board they may write on, and a note they can read);
 * the last move wins.
 */
export const moveNote: WriteHandler<"note:move"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const { note, board } = await noteInEvent(tx, actor, payload.noteId);
    await assertMayWrite(tx, actor, board);
    assertMayArrange(actor, board, note);
    if (!board.columns.some((c) => c.key === payload.column)) {
      throw new CommandFailure("invalid", "That column isn't on this board.", [
        { path: "column", message: "Choose one of the board's columns." },
      ]);
    }
    let position = await placement(tx, board.id, payload.column, note.id, payload.beforeNoteId);
    let touched = [note.id];
    if (position === null) {
      touched = [...new Set([...touched, ...(await renumberColumn(tx, board.id, payload.column))])];
      position = await placement(tx, board.id, payload.column, note.id, payload.beforeNoteId);
      if (position === null) throw new Error("could not place note after renumbering");
    }
    const leavesGroup = note.groupId !== null && payload.column !== note.column;
    await tx
      .update(notes)
      .set({ column: payload.column, position, updatedAt: now, ...(leavesGroup ? { groupId: null } : {}) })
      .where(eq(notes.id, note.id));
    const rows = await notesById(tx, board.id, touched);
    const broadcasts: Broadcast[] = [
      { room: rooms.board(board.id), event: "note:changed", data: { notes: rows.map((r) => toWire(r, board, null)) } },
    ];
    if (leavesGroup && note.groupId) broadcasts.push(...(await dissolveSingletonGroup(tx, board, note.groupId)));
    const moved = rows.find((r) => r.note.id === note.id);
    if (!moved) throw new Error("note vanished");
    return { result: { note: toWire(moved, board, actorKey(actor)) }, broadcasts };
  },
};
