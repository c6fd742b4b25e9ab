import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { boards, notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";

export const createNote: WriteHandler<"note:create"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const [board] = await tx.select().from(boards).where(eq(boards.id, payload.boardId));
    if (!board || board.eventId !== actor.eventId) throw new CommandFailure("not_found", "That board doesn't exist.");
    if (!board.columns.some((c) => c.key === payload.column)) {
      throw new CommandFailure("invalid", "That column isn't on this board.", [
        { path: "column", message: "Choose one of the board's columns." },
      ]);
    }
    const row = {
      id: randomUUID(),
      boardId: board.id,
      column: payload.column,
      text: payload.text,
      colour: payload.colour,
      authorParticipantId: actor.kind === "participant" ? actor.participantId : null,
      authorAccountId: actor.kind === "staff" ? actor.accountId : null,
      createdAt: now,
    };
    await tx.insert(notes).values(row);
    const view = {
      id: row.id,
      boardId: row.boardId,
      column: row.column,
      text: row.text,
      colour: row.colour,
      authorName: actor.name,
      createdAt: now,
    };
    return {
      result: { note: { ...view, mine: true } },
      broadcasts: [
        { room: rooms.board(board.id), event: "note:created", data: { note: { ...view, authorKey: actorKey(actor) } } },
      ],
    };
  },
};
