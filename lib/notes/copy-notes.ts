import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { boards, noteGroups, notes } from "@/db/schema";
import { boardInEvent } from "@/lib/boards/board-access";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { notesById, toWire } from "./note-views";

/**
 * The room-wide funnel: a facilitator copies notes and groups from team boards onto another
 * board (usually the plenary one). Each copy remembers where it came from.
 */
export const copyNotes: WriteHandler<"notes:copy"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const target = await boardInEvent(tx, actor, payload.toBoardId);
    const sources = await tx
      .select({ note: notes, eventId: boards.eventId })
      .from(notes)
      .innerJoin(boards, eq(boards.id, notes.boardId))
      .where(
        or(
          payload.noteIds.length ? inArray(notes.id, payload.noteIds) : undefined,
          payload.groupIds.length ? inArray(notes.groupId, payload.groupIds) : undefined,
        ),
      );
    const mine = sources.filter((s) => s.eventId === actor.eventId && s.note.boardId !== target.id);
    if (mine.length === 0) throw new CommandFailure("not_found", "Those notes no longer exist.");

    const groupTitles = payload.groupIds.length
      ? await tx.select().from(noteGroups).where(inArray(noteGroups.id, payload.groupIds))
      : [];
    const newGroupFor = new Map<string, string>();
    const room = rooms.board(target.id);
    const broadcasts: Broadcast[] = [];
    for (const g of groupTitles) {
      const id = randomUUID();
      newGroupFor.set(g.id, id);
      await tx.insert(noteGroups).values({ id, boardId: target.id, title: g.title, createdAt: now });
      broadcasts.push({ room, event: "group:changed", data: { group: { id, title: g.title } } });
    }

    const firstColumn = target.columns[0]?.key;
    if (!firstColumn) throw new CommandFailure("conflict", "That board has no columns to copy into.");
    const [last] = await tx
      .select({ position: notes.position })
      .from(notes)
      .where(and(eq(notes.boardId, target.id), eq(notes.column, firstColumn)))
      .orderBy(desc(notes.position))
      .limit(1);
    let position = last?.position ?? 0;
    const ids: string[] = [];
    for (const { note } of mine) {
      const column = target.columns.some((c) => c.key === note.column) ? note.column : firstColumn;
      const id = randomUUID();
      ids.push(id);
      position += 1;
      await tx.insert(notes).values({
        id,
        boardId: target.id,
        column,
        text: note.text,
        colour: note.colour,
        photoId: note.photoId,
        position,
        groupId: note.groupId ? (newGroupFor.get(note.groupId) ?? null) : null,
        authorParticipantId: note.authorParticipantId,
        authorAccountId: note.authorAccountId,
        sourceNoteId: note.id,
        sourceBoardId: note.boardId,
        createdAt: now,
      });
    }
    const copied = (await notesById(tx, target.id, ids)).map((r) => toWire(r, target, null));
    for (const note of copied) broadcasts.push({ room, event: "note:created", data: { note } });
    return { result: { notes: copied }, broadcasts };
  },
};
