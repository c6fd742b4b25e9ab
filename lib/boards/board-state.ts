/**
 * A board as a screen holds it, and how each event changes it. Pure and free of Node APIs:
 * it runs in the browser and in unit tests alike. Every change is idempotent, so an event
 * that arrives twice (snapshot + stream) is harmless.
 */
import type { BoardSnapshot, BoardView, GroupView, WireNote } from "@/lib/realtime/contract-boards";
import type { RoomEvent, RoomReducer } from "@/lib/realtime/rooms";

export type BoardState = {
  board: BoardView;
  notes: Record<string, WireNote>;
  groups: Record<string, GroupView>;
  myTag: string;
  canWrite: boolean;
};

export type BoardEvent = RoomEvent<"board">;

export function fromSnapshot(s: BoardSnapshot): BoardState {
  return {
    board: s.board,
    notes: Object.fromEntries(s.notes.map((n) => [n.id, n])),
    groups: Object.fromEntries(s.groups.map((g) => [g.id, g])),
    myTag: s.myTag,
    canWrite: s.canWrite,
  };
}

/**
 * Keeps my own notes mine: on an anonymous board the room's copy of a note carries no pseudonym
 * (lib/notes/note-views.ts), only my own answers and snapshots do. And keeps the text, photo and
 * pin of my own hidden notes: the room's copy of them carries none.
 */
function merge(existing: WireNote | undefined, incoming: WireNote, myTag: string): WireNote {
  const room = incoming.authorTag === null && existing?.authorTag === myTag ? { ...incoming, authorTag: myTag } : incoming;
  return keepMyHiddenWords(existing, room, myTag);
}

function keepMyHiddenWords(existing: WireNote | undefined, incoming: WireNote, myTag: string): WireNote {
  if (incoming.hidden && existing && !existing.hidden && incoming.authorTag === myTag) {
    return {
      ...incoming,
      text: existing.text,
      hidden: false,
      authorName: existing.authorName,
      photoUrl: existing.photoUrl,
      pin: existing.pin,
    };
  }
  return incoming;
}

export function applyBoardEvent(state: BoardState, event: BoardEvent): BoardState {
  switch (event.name) {
    case "note:created": {
      const n = event.data.note;
      if (n.boardId !== state.board.id) return state;
      return { ...state, notes: { ...state.notes, [n.id]: merge(state.notes[n.id], n, state.myTag) } };
    }
    case "note:changed": {
      const notes = { ...state.notes };
      for (const n of event.data.notes) if (n.boardId === state.board.id) notes[n.id] = merge(notes[n.id], n, state.myTag);
      return { ...state, notes };
    }
    case "note:deleted": {
      if (!state.notes[event.data.noteId]) return state;
      const { [event.data.noteId]: _, ...notes } = state.notes;
      return { ...state, notes };
    }
    case "group:changed": {
      const incoming = event.data.group;
      const existing = state.groups[incoming.id];
      // The room's copy of a group on a hidden board carries no title: keep the one this screen may read.
      const group = incoming.hidden && existing && !existing.hidden ? { id: incoming.id, title: existing.title } : incoming;
      return { ...state, groups: { ...state.groups, [incoming.id]: group } };
    }
    case "group:removed": {
      if (!state.groups[event.data.groupId]) return state;
      const { [event.data.groupId]: _, ...groups } = state.groups;
      return { ...state, groups };
    }
    case "board:changed":
      return event.data.board.id === state.board.id ? { ...state, board: event.data.board } : state;
  }
}

/** Whether an event means this screen must reload the board to see what it now may. */
export function needsSnapshot(state: BoardState, event: BoardEvent): boolean {
  if (event.name === "board:changed" && event.data.board.id === state.board.id) {
    const wasHidden = state.board.hiddenUntilReveal && !state.board.revealed;
    const isHidden = event.data.board.hiddenUntilReveal && !event.data.board.revealed;
    // Whether this viewer may write is the server's rule (staff may on a locked board): re-read it.
    const lockChanged = state.board.locked !== event.data.board.locked;
    return wasHidden !== isHidden || lockChanged;
  }
  if (event.name === "group:changed" && event.data.group.hidden) {
    // A group of my own notes on a hidden board, named on another device: only a snapshot carries its title.
    const members = Object.values(state.notes).filter((n) => n.groupId === event.data.group.id);
    return members.length > 0 && members.every((n) => n.authorTag === state.myTag);
  }
  if (event.name === "note:created") {
    const n = event.data.note;
    // My own note, written on another device, on a hidden board: only a snapshot carries its text.
    return n.hidden && n.authorTag === state.myTag && !state.notes[n.id];
  }
  return false;
}

/**
 * The board as the room reads it, for a screen the room looks at (the projector, signed in as a
 * member of staff, who may have written notes of their own): their notes the room can't read yet
 * (hidden until the reveal, or held back by a facilitator) show as the room's blank cards, a group
 * of only theirs keeps its title to itself, and an anonymous board marks none of them theirs.
 */
export function asTheRoomSees(state: BoardState): BoardState {
  const hiddenBoard = state.board.hiddenUntilReveal && !state.board.revealed;
  const mine = (n: WireNote) => n.authorTag === state.myTag && !n.hidden;
  const notes: Record<string, WireNote> = {};
  for (const [id, n] of Object.entries(state.notes)) {
    if (!mine(n)) notes[id] = n;
    else if (hiddenBoard || n.withheld) {
      notes[id] = { ...n, text: "", hidden: true, authorName: null, photoUrl: null, pin: null };
    } else notes[id] = n;
    if (state.board.anonymous && notes[id]!.authorTag !== null) notes[id] = { ...notes[id]!, authorTag: null };
  }
  const groups: Record<string, GroupView> = {};
  for (const [id, g] of Object.entries(state.groups)) {
    const members = Object.values(state.notes).filter((n) => n.groupId === id);
    const onlyMine = members.length > 0 && members.every(mine);
    groups[id] = hiddenBoard && onlyMine && !g.hidden ? { id, title: "", hidden: true } : g;
  }
  return { ...state, notes, groups };
}

/** A board room, as `useRoom("board", id, boardRoom)` follows it. */
export const boardRoom: RoomReducer<"board", BoardState> = { init: fromSnapshot, apply: applyBoardEvent, reload: needsSnapshot };

export type ColumnView = { key: string; title: string; notes: WireNote[] };

/** Notes by column, in order. */
export function columnsOf(state: BoardState): ColumnView[] {
  const byColumn = new Map<string, WireNote[]>(state.board.columns.map((c) => [c.key, []]));
  for (const n of Object.values(state.notes)) byColumn.get(n.column)?.push(n);
  return state.board.columns.map((c) => ({
    ...c,
    notes: (byColumn.get(c.key) ?? []).sort((a, b) => a.position - b.position || a.createdAt - b.createdAt),
  }));
}

/** "Group with note above" only where it would change something: not on a column's first note, nor within one group. */
export function canGroupWithAbove(columnNotes: readonly WireNote[], note: WireNote): boolean {
  const above = columnNotes[columnNotes.indexOf(note) - 1];
  return above !== undefined && (note.groupId === null || above.groupId !== note.groupId);
}
