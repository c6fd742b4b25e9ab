import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { noteGroups, notes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { BoardRow } from "@/lib/boards/board-access";
import { authorKeyOf, groupTitleVisibleTo, mayArrangeNote } from "@/lib/boards/rules";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { GroupView } from "@/lib/realtime/contract-boards";
import type { Broadcast } from "@/lib/realtime/handler";
import { returnDotsOn } from "@/lib/voting/return-dots";
import { notesById, toWire } from "./note-views";

type GroupRow = { id: string; title: string };
type NoteFacts = { authorParticipantId: string | null; authorAccountId: string | null; withheldAt: number | null };

/** A group as `viewerKey` may see it, given its notes' authors; null: a broadcast to the whole room. */
export function groupToWire(
  board: BoardRow,
  group: GroupRow,
  memberAuthorKeys: readonly (string | null)[],
  viewerKey: string | null,
): GroupView {
  return groupTitleVisibleTo(board, memberAuthorKeys, viewerKey)
    ? { id: group.id, title: group.title }
    : { id: group.id, title: "", hidden: true };
}

/** The groups of a board. */
export function groupsOfBoard(db: Db | Tx, boardId: string): Promise<GroupRow[]> {
  return db.select({ id: noteGroups.id, title: noteGroups.title }).from(noteGroups).where(eq(noteGroups.boardId, boardId));
}

/** Each group's notes' authors, from a board's notes (pushed onto one list a group: linear in a big group). */
export function authorsByGroup(
  rows: readonly { note: { groupId: string | null } & Omit<NoteFacts, "withheldAt"> }[],
): Map<string, (string | null)[]> {
  const authorsOf = new Map<string, (string | null)[]>();
  for (const { note } of rows) {
    if (note.groupId === null) continue;
    const key = authorKeyOf({ participantId: note.authorParticipantId, accountId: note.authorAccountId });
    const authors = authorsOf.get(note.groupId);
    if (authors) authors.push(key);
    else authorsOf.set(note.groupId, [key]);
  }
  return authorsOf;
}

/**
 * For the staff who moderate a board: the titles the room can't read yet (groups of notes hidden
 * until the reveal), as `board:hidden-notes` gives hidden notes' text. Never broadcast.
 */
export function hiddenGroupTitles(
  board: BoardRow,
  groups: readonly GroupRow[],
  authorsOf: ReadonlyMap<string, readonly (string | null)[]>,
): GroupRow[] {
  return groups
    .filter((g) => !groupTitleVisibleTo(board, authorsOf.get(g.id) ?? [], null))
    .map((g) => ({ id: g.id, title: g.title }));
}

/** The authors of a group's notes, as `groupTitleVisibleTo` weighs them. */
export async function memberAuthorKeys(db: Db | Tx, groupId: string): Promise<(string | null)[]> {
  const rows = await db
    .select({ participantId: notes.authorParticipantId, accountId: notes.authorAccountId })
    .from(notes)
    .where(eq(notes.groupId, groupId));
  return rows.map(authorKeyOf);
}

/** Refuses to move, group or ungroup a note this actor may not arrange (`mayArrangeNote`). */
export function assertMayArrange(actor: Actor, board: BoardRow, note: NoteFacts) {
  const author = authorKeyOf({ participantId: note.authorParticipantId, accountId: note.authorAccountId });
  if (mayArrangeNote(actor, board, author, note.withheldAt !== null)) return;
  if (note.withheldAt !== null) throw new CommandFailure("forbidden", "A facilitator has hidden that note from the room.");
  throw new CommandFailure("forbidden", "That note is hidden until the facilitator reveals the board.");
}

/** A group of one is no group: its last note goes back to standing alone and the group goes. */
export async function dissolveSingletonGroup(tx: Tx, board: BoardRow, groupId: string): Promise<Broadcast[]> {
  const members = await tx.select({ id: notes.id }).from(notes).where(eq(notes.groupId, groupId));
  if (members.length > 1) return [];
  await tx.update(notes).set({ groupId: null }).where(eq(notes.groupId, groupId));
  await tx.delete(noteGroups).where(eq(noteGroups.id, groupId));
  const room = rooms.board(board.id);
  const freed = await notesById(
    tx,
    board.id,
    members.map((m) => m.id),
  );
  const broadcasts: Broadcast[] = [];
  if (freed.length > 0) {
    broadcasts.push({ room, event: "note:changed", data: { notes: freed.map((r) => toWire(r, board, null)) } });
  }
  broadcasts.push({ room, event: "group:removed", data: { groupId } }, ...(await returnDotsOn(tx, board.id, [groupId])));
  return broadcasts;
}
