import { asc, count, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { boards, notes, teams } from "@/db/schema";
import type { BoardListing } from "@/lib/realtime/contract-boards";
import { withTitleKey } from "./template-marks";

/** The room's first board: the welcome wall every event starts with. */
export async function findWelcomeBoard(db: Db, eventId: string) {
  const [board] = await db.select().from(boards).where(eq(boards.eventId, eventId)).orderBy(asc(boards.createdAt)).limit(1);
  return board ?? null;
}

/** A board in the console's list: its listing, and how many notes it held when the page loaded. */
export type BoardSummary = BoardListing & { notes: number };

/** Every board of an event, plenary first, with its team and how many notes it holds. */
export async function listBoards(db: Db, eventId: string): Promise<BoardSummary[]> {
  const rows = await db
    .select({
      id: boards.id,
      title: boards.title,
      teamId: boards.teamId,
      teamName: teams.name,
      template: boards.template,
      locked: boards.locked,
      hiddenUntilReveal: boards.hiddenUntilReveal,
      revealedAt: boards.revealedAt,
      notes: count(notes.id),
    })
    .from(boards)
    .leftJoin(teams, eq(teams.id, boards.teamId))
    .leftJoin(notes, eq(notes.boardId, boards.id))
    .where(eq(boards.eventId, eventId))
    .groupBy(boards.id)
    .orderBy(asc(boards.position), asc(boards.createdAt));
  return rows
    .map(({ revealedAt, ...b }) => ({ ...b, ...withTitleKey(b), revealed: revealedAt !== null }))
    .sort((a, b) => Number(a.teamId !== null) - Number(b.teamId !== null));
}

/** Every board of an event for the console's and big screen's choices (no counts: it goes in every snapshot). */
export async function boardListing(db: Db, eventId: string): Promise<BoardListing[]> {
  const rows = await db
    .select({
      id: boards.id,
      title: boards.title,
      teamId: boards.teamId,
      teamName: teams.name,
      template: boards.template,
      locked: boards.locked,
      hiddenUntilReveal: boards.hiddenUntilReveal,
      revealedAt: boards.revealedAt,
    })
    .from(boards)
    .leftJoin(teams, eq(teams.id, boards.teamId))
    .where(eq(boards.eventId, eventId))
    .orderBy(asc(boards.position), asc(boards.createdAt));
  return rows
    .map(({ revealedAt, ...b }) => ({ ...b, ...withTitleKey(b), revealed: revealedAt !== null }))
    .sort((a, b) => Number(a.teamId !== null) - Number(b.teamId !== null));
}

export async function findBoard(db: Db | Tx, boardId: string) {
  const [board] = await db.select().from(boards).where(eq(boards.id, boardId));
  return board ?? null;
}

/**
 * How many notes each board of an event holds, in its snapshot: a screen that reloads it (a
 * reconnect, a missed message) then shows the counts of now, not those its page was drawn with.
 */
export async function noteCounts(db: Db, eventId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ boardId: notes.boardId, notes: count() })
    .from(notes)
    .where(inArray(notes.boardId, db.select({ id: boards.id }).from(boards).where(eq(boards.eventId, eventId))))
    .groupBy(notes.boardId);
  return Object.fromEntries(rows.map((r) => [r.boardId, r.notes]));
}
