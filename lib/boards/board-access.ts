import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { boards, teamMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { photoUrl } from "@/lib/notes/photo-url";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { BoardView } from "@/lib/realtime/contract";
import { canReadBoard, canWriteOnBoard } from "./rules";
import { markTemplateColumns, withTitleKey } from "./template-marks";

export type BoardRow = typeof boards.$inferSelect;

/** A board that doesn't exist, or that the actor may not open: the same answer either way. */
export const noSuchBoard = () => new CommandFailure("not_found", "That board doesn't exist.");

/**
 * The board, if the actor may open it (any board of their event: `canReadBoard`); otherwise the
 * same refusal as a board that doesn't exist. Every board command and `board:open` start here.
 */
export async function boardInEvent(db: Db | Tx, actor: Actor, boardId: string): Promise<BoardRow> {
  const [board] = await db.select().from(boards).where(eq(boards.id, boardId));
  if (!board || !canReadBoard(actor, board)) throw noSuchBoard();
  return board;
}

export async function teamOf(db: Db | Tx, actor: Actor): Promise<string | null> {
  if (actor.kind !== "participant") return null;
  const [row] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.eventId, actor.eventId), eq(teamMembers.participantId, actor.participantId)));
  return row?.teamId ?? null;
}

export async function mayWrite(db: Db | Tx, actor: Actor, board: BoardRow) {
  return canWriteOnBoard(actor, board, board.teamId ? await teamOf(db, actor) : null);
}

/** Refuses, with a reason a person understands, when the actor may not change this board. */
export async function assertMayWrite(db: Db | Tx, actor: Actor, board: BoardRow) {
  if (await mayWrite(db, actor, board)) return;
  if (board.locked) throw new CommandFailure("conflict", "This board is locked by the facilitator.");
  throw new CommandFailure("forbidden", "Only members of this team can add to its board.");
}

export function boardView(board: BoardRow): BoardView {
  return {
    id: board.id,
    eventId: board.eventId,
    teamId: board.teamId,
    title: board.title,
    ...withTitleKey(board),
    template: board.template,
    columns: markTemplateColumns(board.template, board.columns),
    locked: board.locked,
    anonymous: board.anonymous,
    hiddenUntilReveal: board.hiddenUntilReveal,
    revealed: board.revealedAt !== null,
    mapUrl: photoUrl(board.mapPhotoId),
  };
}
