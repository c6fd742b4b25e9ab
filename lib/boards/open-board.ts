import { actorKey } from "@/lib/auth/actor";
import { authorsByGroup, groupsOfBoard, groupToWire } from "@/lib/notes/groups";
import { notesOfBoard, toWire } from "@/lib/notes/note-views";
import { rooms } from "@/lib/realtime/contract";
import type { ReadHandler } from "@/lib/realtime/handler";
import { seqQuery } from "@/lib/realtime/sequence";
import { boardInEvent, boardView, mayWrite } from "./board-access";
import { authorTag } from "./rules";

/** A board as this viewer may see it, and the room's sequence number; subscribes the socket. */
export const openBoard: ReadHandler<"board:open"> = {
  kind: "read",
  permission: "readEvent",
  async read(db, { actor, payload }, socket) {
    const room = rooms.board(payload.boardId);
    const r = db.read;
    await boardInEvent(r, actor, payload.boardId);
    socket.join(room);
    // Joined first, then the sequence number, then the state: the state is at least as new as
    // the number, and every change after it also arrives as an event (applying one twice is harmless).
    const seqRows = await seqQuery(r, room);
    const board = await boardInEvent(r, actor, payload.boardId);
    const [rows, groups, canWrite] = await Promise.all([
      notesOfBoard(r, payload.boardId),
      groupsOfBoard(r, payload.boardId),
      mayWrite(r, actor, board),
    ]);
    const me = actorKey(actor);
    const authorsOf = authorsByGroup(rows);
    return {
      result: {
        seq: seqRows[0]?.seq ?? 0,
        board: boardView(board),
        notes: rows.map((row) => toWire(row, board, me)),
        groups: groups.map((g) => groupToWire(board, g, authorsOf.get(g.id) ?? [], me)),
        myTag: authorTag(board.id, me) as string,
        canWrite,
      },
    };
  },
};
