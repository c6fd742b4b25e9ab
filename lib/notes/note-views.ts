import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, boards, notes, participants } from "@/db/schema";
import { type BoardRow, boardView } from "@/lib/boards/board-access";
import { authorKeyOf, authorTag, noteVisibleTo } from "@/lib/boards/rules";
import { publicName } from "@/lib/participants/profile";
import type { HiddenNoteText, NoteColour, WireNote } from "@/lib/realtime/contract";
import type { Signal } from "@/lib/realtime/handler";
import { photoUrl } from "./note-photos";

/** Notes with what a screen needs beside them: author name and where a copied note came from. */
async function noteRows(db: Db | Tx, where: SQL | undefined) {
  const sourceBoards = db
    .select({ id: boards.id, title: boards.title, anonymous: boards.anonymous, template: boards.template })
    .from(boards)
    .as("source_boards");
  return db
    .select({
      note: notes,
      participantName: participants.displayName,
      participantAgeBand: participants.ageBand,
      participantLeftAt: participants.leftAt,
      accountName: accounts.name,
      sourceTitle: sourceBoards.title,
      sourceAnonymous: sourceBoards.anonymous,
      sourceTemplate: sourceBoards.template,
    })
    .from(notes)
    .leftJoin(participants, eq(participants.id, notes.authorParticipantId))
    .leftJoin(accounts, eq(accounts.id, notes.authorAccountId))
    .leftJoin(sourceBoards, eq(sourceBoards.id, notes.sourceBoardId))
    .where(where)
    .orderBy(asc(notes.column), asc(notes.position), asc(notes.createdAt));
}

export type NoteRow = Awaited<ReturnType<typeof noteRows>>[number];

export const notesOfBoard = (db: Db | Tx, boardId: string) => noteRows(db, eq(notes.boardId, boardId));
export const notesById = (db: Db | Tx, boardId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : noteRows(db, and(eq(notes.boardId, boardId), inArray(notes.id, ids)));

/** What the room sees of a note's author: under-18s by initials, people who left as such. */
function authorNameOf(row: NoteRow): string | null {
  if (row.participantName !== null) {
    return publicName({ displayName: row.participantName, ageBand: row.participantAgeBand, leftAt: row.participantLeftAt });
  }
  return row.accountName ?? null;
}

/**
 * Whether a note's author stays unnamed: on an anonymous board, and on a copy of a note written
 * there (copyNotesTo has a copy of a copy remember the anonymous board it came from); and a
 * young person's note on a map, or copied from one.
 */
const namelessOn = (row: NoteRow, board: BoardRow) =>
  board.anonymous || row.sourceAnonymous === true || youngOnAMap(row, board) || youngFromAMap(row);

/** Not known to be 18 or over: nobody has said so, or they left (their age band went with them). */
const notKnownAdult = (row: NoteRow) => row.note.authorParticipantId !== null && row.participantAgeBand !== "18_plus";

/**
 * A note on a map by someone not known to be 18 or over: a pin says where a child goes (their
 * school, their way home), and initials and a tag tying their pins together would say whose
 * places they are. The room sees the pins unsigned, as on an anonymous board; only its author is
 * told which are theirs.
 */
const youngOnAMap = (row: NoteRow, board: BoardRow) => board.template === "map" && notKnownAdult(row);

/**
 * A copy of such a pin on another board (a facilitator's copy, a vote's shortlist): signed there,
 * its name would say whose place it marks on the map. It stays unsigned, with no tag for anyone,
 * as a copy of an anonymous note does (copyNotesTo has a copy of a copy remember the map).
 */
const youngFromAMap = (row: NoteRow) => row.sourceTemplate === "map" && notKnownAdult(row);

/**
 * The author's per-board pseudonym, as this viewer gets it. On an anonymous board only the author
 * gets it (so their screen marks the note theirs): sent to the room it would tie together every
 * note one person wrote there, a map's pins into their way home, and one note they gave away
 * would name all the others. On a board that names people, a copy of an anonymous note has none:
 * it would tie the copy to its author's named notes there.
 */
function tagFor(row: NoteRow, board: BoardRow, key: string | null, viewerKey: string | null): string | null {
  if (board.anonymous || youngOnAMap(row, board)) return key !== null && key === viewerKey ? authorTag(board.id, key) : null;
  return namelessOn(row, board) ? null : authorTag(board.id, key);
}

/**
 * The note as `viewerKey` may see it. With no viewer (a broadcast to the whole room), a note
 * on a hidden board carries no text: each phone learns its own notes from its acks and snapshots.
 */
export function toWire(row: NoteRow, board: BoardRow, viewerKey: string | null): WireNote {
  const { note } = row;
  const key = authorKeyOf({ participantId: note.authorParticipantId, accountId: note.authorAccountId });
  const withheld = note.withheldAt !== null;
  const visible = noteVisibleTo(board, key, viewerKey, withheld);
  return {
    id: note.id,
    boardId: note.boardId,
    column: note.column,
    position: note.position,
    text: visible ? note.text : "",
    hidden: !visible,
    withheld,
    colour: note.colour as NoteColour,
    authorName: namelessOn(row, board) || !visible ? null : authorNameOf(row),
    authorTag: tagFor(row, board, key, viewerKey),
    groupId: note.groupId,
    photoUrl: visible ? photoUrl(note.photoId) : null,
    // Where a hidden note is pinned says something of what it is about: it stays hidden too.
    pin: visible && note.pinX !== null && note.pinY !== null ? { x: note.pinX, y: note.pinY } : null,
    version: note.version,
    createdAt: note.createdAt,
    source: note.sourceBoardId ? { boardId: note.sourceBoardId, boardTitle: row.sourceTitle ?? "another board" } : null,
  };
}

/**
 * A note its author's other screens hear of only through the room's copy: when that copy holds
 * back what the author may read (their tag on an anonymous board, their words while the board is
 * hidden), those screens are sent the author's copy (they would show the note as someone else's,
 * or blank). Nothing when the room's copy is the author's.
 */
export function ownScreensSignal(row: NoteRow, board: BoardRow): Signal[] {
  const key = authorKeyOf({ participantId: row.note.authorParticipantId, accountId: row.note.authorAccountId });
  if (key === null) return [];
  const theirs = toWire(row, board, key);
  if (JSON.stringify(theirs) === JSON.stringify(toWire(row, board, null))) return [];
  return [{ kind: "own-note", eventId: board.eventId, authorKey: key, note: theirs }];
}

/**
 * What staff read of the notes the room can't see (hidden until the reveal, or hidden by a
 * facilitator): moderation before the room sees them. Never broadcast: a staff query answers it.
 */
export function hiddenTextsOf(rows: NoteRow[], board: BoardRow): HiddenNoteText[] {
  return rows
    .filter((row) => toWire(row, board, null).hidden)
    .map((row) => ({
      id: row.note.id,
      version: row.note.version,
      text: row.note.text,
      authorName: namelessOn(row, board) ? null : authorNameOf(row),
      photoUrl: photoUrl(row.note.photoId),
    }));
}

export { boardView };
