import { asc, eq } from "drizzle-orm";
import { accounts, boards, notes, participants } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import { type NoteView, rooms } from "@/lib/realtime/contract";
import type { ReadHandler } from "@/lib/realtime/handler";
import { seqQuery } from "@/lib/realtime/sequence";

/** A board's notes and the room's sequence number, read in one snapshot; subscribes the socket. */
export const openBoard: ReadHandler<"board:open"> = {
  kind: "read",
  permission: "readEvent",
  async read(db, { actor, payload }, socket) {
    const room = rooms.board(payload.boardId);
    const r = db.read;
    const [owner] = await r.select({ eventId: boards.eventId }).from(boards).where(eq(boards.id, payload.boardId));
    if (!owner || owner.eventId !== actor.eventId) throw new CommandFailure("not_found", "That board doesn't exist.");
    socket.join(room);
    const [boardRows, noteRows, seqRows] = await r.batch([
      r.select().from(boards).where(eq(boards.id, payload.boardId)),
      r
        .select({
          id: notes.id,
          boardId: notes.boardId,
          column: notes.column,
          text: notes.text,
          colour: notes.colour,
          createdAt: notes.createdAt,
          participantId: notes.authorParticipantId,
          accountId: notes.authorAccountId,
          participantName: participants.displayName,
          accountName: accounts.name,
        })
        .from(notes)
        .leftJoin(participants, eq(participants.id, notes.authorParticipantId))
        .leftJoin(accounts, eq(accounts.id, notes.authorAccountId))
        .where(eq(notes.boardId, payload.boardId))
        .orderBy(asc(notes.createdAt), asc(notes.id)),
      seqQuery(r, room),
    ]);
    const board = boardRows[0];
    if (!board) throw new CommandFailure("not_found", "That board doesn't exist.");
    const me = actorKey(actor);
    const view: NoteView[] = noteRows.map((n) => ({
      id: n.id,
      boardId: n.boardId,
      column: n.column,
      text: n.text,
      colour: n.colour as NoteView["colour"],
      createdAt: n.createdAt,
      authorName: n.participantName ?? n.accountName ?? null,
      mine: (n.participantId ? `p:${n.participantId}` : n.accountId ? `a:${n.accountId}` : null) === me,
    }));
    return {
      result: { seq: seqRows[0]?.seq ?? 0, board: { id: board.id, title: board.title, columns: board.columns }, notes: view },
    };
  },
};
