import { eq } from "drizzle-orm";
import { boards, notes } from "@/db/schema";
import { says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { actorKey } from "@/lib/auth/actor";
import { findPhoto } from "@/lib/notes/note-photos";
import { releaseCopiesOfBoard } from "@/lib/notes/release-copies";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { boardInEvent, boardView } from "./board-access";
import { isMapBoard } from "./pins";

/** Board settings: title, locked, anonymous, hidden until reveal, a map board's image. Facilitators only. */
export const updateBoard: WriteHandler<"board:update"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const board = await boardInEvent(tx, actor, payload.boardId);
    const { boardId: _, mapPhotoId, ...changes } = payload;
    if (mapPhotoId !== undefined) {
      if (!isMapBoard(board)) throw new CommandFailure("conflict", "Only a map board has a map image.");
      const photo = await findPhoto(tx, mapPhotoId);
      if (!photo || photo.boardId !== board.id || photo.uploadedBy !== actorKey(actor)) {
        throw new CommandFailure("invalid", "That image can't be used as this board's map.", [
          { path: "mapPhotoId", message: "Upload the map again." },
        ]);
      }
    }
    // Notes written on an anonymous board were written on its promise of no names, for anyone:
    // once there are any, names are never switched on over them.
    if (changes.anonymous === false && board.anonymous) {
      const [written] = await tx.select({ id: notes.id }).from(notes).where(eq(notes.boardId, board.id)).limit(1);
      if (written) {
        throw new CommandFailure("conflict", "Notes on this board were written without names, so it stays anonymous.");
      }
    }
    // Turning "hidden until reveal" on again hides the board afresh.
    const revealedAt = changes.hiddenUntilReveal === true && !board.hiddenUntilReveal ? null : board.revealedAt;
    const [updated] = await tx
      .update(boards)
      .set({ ...changes, revealedAt, ...(mapPhotoId ? { mapPhotoId } : {}) })
      .where(eq(boards.id, board.id))
      .returning();
    if (!updated) throw new Error("board vanished");
    const view = boardView(updated);
    // No longer hidden: copies made from it while it was follow it.
    const unhidden = board.hiddenUntilReveal && board.revealedAt === null && !updated.hiddenUntilReveal;
    const copies = unhidden ? await releaseCopiesOfBoard(tx, board.id, now) : [];
    const logged: Broadcast[] = [];
    if (changes.locked !== undefined && changes.locked !== board.locked) {
      const said = changes.locked ? says.boardLocked(updated.title) : says.boardUnlocked(updated.title);
      logged.push(await logActivity(tx, { actor, now, kind: "lock", said }));
    }
    return {
      result: { board: view },
      broadcasts: [
        { room: rooms.board(board.id), event: "board:changed", data: { board: view } },
        { room: rooms.event(actor.eventId), event: "board:listed", data: { board: view } },
        ...logged,
        ...copies,
      ],
    };
  },
};

/** Shows everyone's notes on a hidden board. */
export const revealBoard: WriteHandler<"board:reveal"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const board = await boardInEvent(tx, actor, payload.boardId);
    const [updated] = await tx
      .update(boards)
      .set({ revealedAt: board.revealedAt ?? now })
      .where(eq(boards.id, board.id))
      .returning();
    if (!updated) throw new Error("board vanished");
    const view = boardView(updated);
    const logged = await logActivity(tx, { actor, now, kind: "reveal", said: says.notesRevealed(updated.title) });
    // Copies made from it before the reveal follow it.
    const copies = board.revealedAt === null && board.hiddenUntilReveal ? await releaseCopiesOfBoard(tx, board.id, now) : [];
    return {
      result: { board: view },
      broadcasts: [
        { room: rooms.board(board.id), event: "board:changed", data: { board: view } },
        { room: rooms.event(actor.eventId), event: "board:listed", data: { board: view } },
        logged,
        ...copies,
      ],
    };
  },
};
