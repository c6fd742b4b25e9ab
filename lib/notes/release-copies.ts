import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { noteGroups, notes } from "@/db/schema";
import type { BoardRow } from "@/lib/boards/board-access";
import { findBoard } from "@/lib/boards/find-boards";
import { authorKeyOf } from "@/lib/boards/rules";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { groupToWire } from "./groups";
import { notesById, toWire } from "./note-views";

/** Copies of copies are followed this far: a chain longer than this is not something a weekend makes. */
const chainLimit = 8;

/**
 * A note copied from a board still hidden until its reveal is withheld on the board it was
 * copied to (copyNotesTo: the copy may not show what its source does not). When the source's
 * board is revealed, or stops being hidden, the copies follow it: each copy withheld at the
 * moment it was made, whose source the room may now read, is shown. A copy a facilitator hid
 * later (moderation) stays hidden, and so does a copy of a note a facilitator hid.
 */
export async function releaseCopiesOfBoard(tx: Tx, boardId: string, now: number): Promise<Broadcast[]> {
  const readable = await tx
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.boardId, boardId), isNull(notes.withheldAt)));
  return releaseCopiesOf(
    tx,
    readable.map((n) => n.id),
    now,
  );
}

/** The same for notes the room may read again (a facilitator showed a hidden note again). */
export async function releaseCopiesOf(tx: Tx, sourceIds: string[], now: number): Promise<Broadcast[]> {
  let sources = sourceIds;
  const released = new Map<string, string[]>();
  for (let depth = 0; depth < chainLimit && sources.length > 0; depth++) {
    const next: string[] = [];
    for (let i = 0; i < sources.length; i += 500) {
      const freed = await tx
        .update(notes)
        .set({ withheldAt: null, version: sql`${notes.version} + 1`, updatedAt: now })
        .where(
          and(
            inArray(notes.sourceNoteId, sources.slice(i, i + 500)),
            // Withheld by being copied, not by a facilitator afterwards.
            sql`${notes.withheldAt} = ${notes.createdAt}`,
          ),
        )
        .returning({ id: notes.id, boardId: notes.boardId });
      for (const n of freed) {
        released.set(n.boardId, [...(released.get(n.boardId) ?? []), n.id]);
        next.push(n.id);
      }
    }
    sources = next;
  }
  const broadcasts: Broadcast[] = [];
  for (const [target, ids] of released) {
    const board = await findBoard(tx, target);
    if (!board) continue;
    const titled = new Set<string>();
    for (let i = 0; i < ids.length; i += 200) {
      const rows = await notesById(tx, target, ids.slice(i, i + 200));
      broadcasts.push({
        room: rooms.board(target),
        event: "note:changed",
        data: { notes: rows.map((r) => toWire(r, board, null)) },
      });
      for (const row of rows) {
        const { groupId, sourceNoteId } = row.note;
        if (groupId === null || sourceNoteId === null || titled.has(groupId)) continue;
        titled.add(groupId);
        broadcasts.push(...(await titleFromSource(tx, board, groupId, sourceNoteId)));
      }
    }
  }
  return broadcasts;
}

/**
 * A group copied with its notes from a board still hidden was made without its title (the room
 * could not read it yet): once its notes show, so does the title of the group they came from,
 * unless a facilitator has named the copy since.
 */
async function titleFromSource(tx: Tx, board: BoardRow, groupId: string, sourceNoteId: string): Promise<Broadcast[]> {
  const [source] = await tx
    .select({ title: noteGroups.title })
    .from(notes)
    .innerJoin(noteGroups, eq(noteGroups.id, notes.groupId))
    .where(eq(notes.id, sourceNoteId));
  if (!source?.title) return [];
  const [named] = await tx
    .update(noteGroups)
    .set({ title: source.title })
    .where(and(eq(noteGroups.id, groupId), eq(noteGroups.title, "")))
    .returning({ id: noteGroups.id, title: noteGroups.title });
  if (!named) return [];
  const members = await tx
    .select({ participantId: notes.authorParticipantId, accountId: notes.authorAccountId })
    .from(notes)
    .where(eq(notes.groupId, groupId));
  return [
    {
      room: rooms.board(board.id),
      event: "group:changed",
      data: { group: groupToWire(board, named, members.map(authorKeyOf), null) },
    },
  ];
}
