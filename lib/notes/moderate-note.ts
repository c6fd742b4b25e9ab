import { eq, sql } from "drizzle-orm";
import { notes } from "@/db/schema";
import { says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { actorKey } from "@/lib/auth/actor";
import { boardInEvent } from "@/lib/boards/board-access";
import { rooms } from "@/lib/realtime/contract";
import type { ReadHandler, WriteHandler } from "@/lib/realtime/handler";
import { noteInEvent } from "./find-note";
import { authorsByGroup, groupsOfBoard, hiddenGroupTitles } from "./groups";
import { hiddenTextsOf, notesById, notesOfBoard, toWire } from "./note-views";
import { releaseCopiesOf } from "./release-copies";

/**
 * Moderation: a facilitator hides one note from the room, or shows it again. Its author keeps
 * seeing it, marked as hidden by a facilitator; everyone else sees a placeholder, after a reveal
 * too. The activity log says a note was hidden, never what it said.
 */
export const withholdNote: WriteHandler<"note:withhold"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const { note, board } = await noteInEvent(tx, actor, payload.noteId);
    const already = (note.withheldAt !== null) === payload.withheld;
    if (!already) {
      await tx
        .update(notes)
        .set({ withheldAt: payload.withheld ? now : null, version: sql`${notes.version} + 1`, updatedAt: now })
        .where(eq(notes.id, note.id));
    }
    const [row] = await notesById(tx, board.id, [note.id]);
    if (!row) throw new Error("note vanished");
    // Shown again where the room may read it: its copies made while it was hidden follow it.
    const copies =
      !already && !payload.withheld && toWire(row, board, null).hidden === false ? await releaseCopiesOf(tx, [note.id], now) : [];
    const logged = already
      ? []
      : [
          await logActivity(tx, {
            actor,
            now,
            kind: "moderation",
            said: payload.withheld ? says.noteHidden(board.title) : says.noteShownAgain(board.title),
          }),
        ];
    return {
      result: { note: toWire(row, board, actorKey(actor)) },
      broadcasts: [
        { room: rooms.board(board.id), event: "note:changed", data: { notes: [toWire(row, board, null)] } },
        ...logged,
        ...copies,
      ],
    };
  },
};

/** The text of every note on a board the room can't see yet, and its groups' unread titles, for the staff who moderate it. */
export const findHiddenNotes: ReadHandler<"board:hidden-notes"> = {
  kind: "read",
  permission: "runRoom",
  async read(db, { actor, payload }) {
    const board = await boardInEvent(db.read, actor, payload.boardId);
    const [rows, groups] = await Promise.all([notesOfBoard(db.read, board.id), groupsOfBoard(db.read, board.id)]);
    return { result: { notes: hiddenTextsOf(rows, board), groups: hiddenGroupTitles(board, groups, authorsByGroup(rows)) } };
  },
};
