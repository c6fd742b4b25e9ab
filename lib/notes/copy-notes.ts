import { and, eq, inArray, ne, or } from "drizzle-orm";
import { boards, noteGroups, notes } from "@/db/schema";
import { boardInEvent } from "@/lib/boards/board-access";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { copyNotesTo } from "./copy-notes-to";

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

    // Only this event's groups: a title is the room's words, never another event's.
    const groups = payload.groupIds.length
      ? (
          await tx
            .select({ group: noteGroups })
            .from(noteGroups)
            .innerJoin(boards, eq(boards.id, noteGroups.boardId))
            .where(
              and(inArray(noteGroups.id, payload.groupIds), eq(boards.eventId, actor.eventId), ne(noteGroups.boardId, target.id)),
            )
        ).map((row) => row.group)
      : [];
    const { copied, broadcasts } = await copyNotesTo(tx, {
      target,
      notes: mine.map((s) => s.note),
      groups,
      now,
      columns: "keep",
    });
    return { result: { notes: copied }, broadcasts };
  },
};
