import { type Actor, actorKey, isStaff } from "@/lib/auth/actor";
import { pseudonym } from "@/lib/auth/pseudonym";

/** What the rules need to know of a board. */
export type BoardFacts = { eventId: string; teamId: string | null; locked: boolean };

/**
 * Who may open (read) a board: everyone in its event, other teams' boards included. The weekend
 * is worked in the open: teams borrow from each other, the big screen shows any board to the
 * room, and a phone opened on another team's board says "you can read it". Notes on a hidden
 * board stay hidden until the reveal all the same (`noteVisibleTo`). Photos follow the same
 * two rules (lib/notes/photo-access.ts).
 */
export function canReadBoard(actor: Actor, board: { eventId: string }): boolean {
  return actor.eventId === board.eventId;
}

/**
 * Who may add, move and group notes on a board: staff always; on a locked board nobody else;
 * a plenary board is everyone's (anyone may move and group anyone's notes there: clustering the
 * room's ideas together is what a room board is for); a team board belongs to its members.
 * Changing a note's text or deleting it is the author's alone (`canChangeNote`).
 */
export function canWriteOnBoard(actor: Actor, board: BoardFacts, actorTeamId: string | null): boolean {
  if (actor.eventId !== board.eventId) return false;
  if (isStaff(actor)) return true;
  if (board.locked) return false;
  return board.teamId === null || board.teamId === actorTeamId;
}

export type NoteAuthor = { participantId: string | null; accountId: string | null };

export const authorKeyOf = (note: NoteAuthor) =>
  note.participantId ? `p:${note.participantId}` : note.accountId ? `a:${note.accountId}` : null;

/** Edit and delete: your own notes, or any note if you run the room. */
export function canChangeNote(actor: Actor, note: NoteAuthor, board: BoardFacts): boolean {
  if (actor.eventId !== board.eventId) return false;
  if (isStaff(actor)) return true;
  return !board.locked && authorKeyOf(note) === actorKey(actor);
}

/**
 * A per-board pseudonym for a note's author: lets a phone mark its own notes without telling
 * anyone else who wrote which (an anonymous board, a map of where people feel unsafe, must not
 * be traceable to its authors).
 */
export function authorTag(boardId: string, key: string | null): string | null {
  return key ? pseudonym(boardId, key) : null;
}

/** Whether a viewer may read a note's text: hidden boards show only your own until revealed. */
export function noteVisibleTo(
  board: { hiddenUntilReveal: boolean; revealedAt: number | null },
  noteAuthorKey: string | null,
  viewerKey: string | null,
  withheld = false,
): boolean {
  if (noteAuthorKey !== null && noteAuthorKey === viewerKey) return true;
  // A note a facilitator hid from the room stays hidden after the reveal too.
  if (withheld) return false;
  return !board.hiddenUntilReveal || board.revealedAt !== null;
}

/**
 * Whether a group's title may reach a viewer. A title says what its notes are about, so on a board
 * hidden until the reveal it is hidden as they are: shown only to someone who may read every note
 * in it (a person who grouped their own notes). Staff are no exception here, as with a note's text:
 * the projector is a staff screen. `viewerKey` null is a broadcast to the whole room.
 */
export function groupTitleVisibleTo(
  board: { hiddenUntilReveal: boolean; revealedAt: number | null },
  memberAuthorKeys: readonly (string | null)[],
  viewerKey: string | null,
): boolean {
  if (!board.hiddenUntilReveal || board.revealedAt !== null) return true;
  return viewerKey !== null && memberAuthorKeys.length > 0 && memberAuthorKeys.every((k) => k === viewerKey);
}

/**
 * Whether an actor may move, group or ungroup a note. Staff may arrange any note (they read the
 * hidden ones to moderate them); anyone else only a note they can read: on a board hidden until
 * the reveal, another person's note is a blank card, and arranging blank cards by script would
 * let someone scatter what they cannot see.
 */
export function mayArrangeNote(
  actor: Actor,
  board: { hiddenUntilReveal: boolean; revealedAt: number | null },
  noteAuthorKey: string | null,
  withheld: boolean,
): boolean {
  return isStaff(actor) || noteVisibleTo(board, noteAuthorKey, actorKey(actor), withheld);
}

export { positionBetween } from "./positions";
