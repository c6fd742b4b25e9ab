import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { notes } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { assertMayWrite, boardInEvent } from "@/lib/boards/board-access";
import { pinProblem } from "@/lib/boards/pins";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { findPhoto } from "./note-photos";
import { notesById, ownScreensSignal, toWire } from "./note-views";

export const createNote: WriteHandler<"note:create"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const board = await boardInEvent(tx, actor, payload.boardId);
    await assertMayWrite(tx, actor, board);
    if (!board.columns.some((c) => c.key === payload.column)) {
      throw new CommandFailure("invalid", "That column isn't on this board.", [
        { path: "column", message: "Choose one of the board's columns." },
      ]);
    }
    const pinned = pinProblem(board, payload.pin);
    if (pinned) throw new CommandFailure("invalid", pinned, [{ path: "pin", message: pinned }]);
    const [last] = await tx
      .select({ position: notes.position })
      .from(notes)
      .where(and(eq(notes.boardId, board.id), eq(notes.column, payload.column)))
      .orderBy(desc(notes.position))
      .limit(1);
    if (payload.photoId) {
      const photo = await findPhoto(tx, payload.photoId);
      if (!photo || photo.boardId !== board.id || photo.uploadedBy !== actorKey(actor)) {
        throw new CommandFailure("invalid", "That photo can't be used on this note.", [
          { path: "photoId", message: "Add the photo again." },
        ]);
      }
    }
    const id = randomUUID();
    await tx.insert(notes).values({
      photoId: payload.photoId ?? null,
      pinX: payload.pin?.x ?? null,
      pinY: payload.pin?.y ?? null,
      id,
      boardId: board.id,
      column: payload.column,
      text: payload.text,
      colour: payload.colour,
      position: (last?.position ?? 0) + 1,
      authorParticipantId: actor.kind === "participant" ? actor.participantId : null,
      authorAccountId: actor.kind === "staff" ? actor.accountId : null,
      createdAt: now,
    });
    const [row] = await notesById(tx, board.id, [id]);
    if (!row) throw new Error("note vanished");
    return {
      result: { note: toWire(row, board, actorKey(actor)) },
      broadcasts: [{ room: rooms.board(board.id), event: "note:created", data: { note: toWire(row, board, null) } }],
      signals: ownScreensSignal(row, board),
    };
  },
};
