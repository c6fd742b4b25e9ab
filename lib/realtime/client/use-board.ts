"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  applyBoardEvent,
  type BoardEvent,
  type BoardState,
  columnsOf,
  fromSnapshot,
  needsSnapshot,
} from "@/lib/boards/board-state";
import type { Pin } from "@/lib/boards/pins";
import { rooms } from "../constants";
import type { Ack, BoardView, CommandName, CommandPayload, CommandResults, NoteColour, WireNote } from "../contract";
import { useConnection, usePending } from "./react";
import { RoomSync } from "./room-sync";

const boardEventNames = [
  "note:created",
  "note:changed",
  "note:deleted",
  "group:changed",
  "group:removed",
  "board:changed",
] as const;

/** What the server's ack of a command tells us about the board, applied before its broadcast lands. */
function fromAck(state: BoardState, name: CommandName, result: unknown): BoardState {
  const r = result as Partial<{
    note: WireNote;
    notes: WireNote[];
    noteId: string;
    group: { id: string; title: string };
    board: BoardView;
  }>;
  let next = state;
  if (r.board) next = applyBoardEvent(next, { type: "board:changed", data: { board: r.board } });
  if (r.note) next = applyBoardEvent(next, { type: "note:changed", data: { notes: [r.note] } });
  if (r.notes) next = applyBoardEvent(next, { type: "note:changed", data: { notes: r.notes } });
  if (r.group) next = applyBoardEvent(next, { type: "group:changed", data: { group: r.group } });
  if (name === "note:delete" && r.noteId) next = applyBoardEvent(next, { type: "note:deleted", data: { noteId: r.noteId } });
  return next;
}

/**
 * A board, live and converging: notes by column, groups, settings; the viewer's own notes
 * marked; what was written but not yet acknowledged; and the commands to change it.
 */
export function useBoard(boardId: string) {
  const c = useConnection();
  const [state, setState] = useState<BoardState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const syncRef = useRef<RoomSync<BoardState, BoardEvent | null> | null>(null);
  // Where a note was dragged to, shown at once and dropped when the server answers.
  const [moving, setMoving] = useState<Record<string, { column: string; position: number }>>({});
  // Where a pin was dragged to on a map board, likewise.
  const [pinning, setPinning] = useState<Record<string, Pin>>({});

  useEffect(() => {
    if (!c || !boardId) return;
    const sync = new RoomSync<BoardState, BoardEvent | null>({
      load: async () => {
        const ack = await c.query("board:open", { boardId });
        if (!ack.ok) throw new Error(ack.error.message);
        setError(null);
        return { seq: ack.result.seq, state: fromSnapshot(ack.result) };
      },
      apply: (st, event) => (event ? applyBoardEvent(st, event) : st),
      onChange: setState,
      // A load cut short by a dropped connection is retried on reconnect; only a real refusal is shown.
      onError: (e) => setError(c.socket.connected ? (e instanceof Error ? e.message : "Couldn't load this board.") : null),
    });
    syncRef.current = sync;
    const offRoom = c.onRoom(rooms.board(boardId), (name, m) => {
      // Messages of the room this view doesn't draw (e.g. votes) still move its sequence on.
      const event = (boardEventNames as readonly string[]).includes(name) ? ({ type: name, data: m.data } as BoardEvent) : null;
      const reload = event !== null && sync.current !== null && needsSnapshot(sync.current, event);
      sync.receive(m.seq, event);
      if (reload) void sync.resync();
    });
    const off = c.onResync(() => sync.resync());
    return () => {
      off();
      offRoom();
      syncRef.current = null;
    };
  }, [c, boardId]);

  const send = useCallback(
    <N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack<CommandResults[N]>> | null => {
      if (!c) return null;
      const { done } = c.send(name, payload);
      return done.then((ack) => {
        if (ack.ok) syncRef.current?.patch((s) => fromAck(s, name, ack.result));
        return ack;
      });
    },
    [c],
  );

  const pending = usePending();
  const pendingNotes = useMemo(
    () => pending.filter((p) => p.name === "note:create" && (p.payload as { boardId?: string } | null)?.boardId === boardId),
    [pending, boardId],
  );

  const columns = useMemo(() => {
    if (!state) return [];
    if (Object.keys(moving).length === 0) return columnsOf(state);
    const notes = { ...state.notes };
    for (const [id, to] of Object.entries(moving)) if (notes[id]) notes[id] = { ...notes[id], ...to };
    return columnsOf({ ...state, notes });
  }, [state, moving]);

  /** A map board's notes, oldest first (their pin numbers), with pins being dragged where they were dropped. */
  const mapNotes = useMemo(() => {
    if (!state) return [];
    return Object.values(state.notes)
      .map((n) => (pinning[n.id] ? { ...n, pin: pinning[n.id] as Pin } : n))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }, [state, pinning]);

  const actions = useMemo(
    () => ({
      addNote: (column: string, text: string, colour: NoteColour = "yellow", photoId?: string, pin?: Pin) =>
        send("note:create", { boardId, column, text, colour, ...(photoId ? { photoId } : {}), ...(pin ? { pin } : {}) }),
      /** Moves a note's pin on a map board; shown at once. */
      pinNote: (noteId: string, pin: Pin) => {
        setPinning((p) => ({ ...p, [noteId]: pin }));
        const done = send("note:pin", { noteId, pin });
        void done?.finally(() =>
          setPinning(({ [noteId]: sent, ...rest }) => (sent === pin ? rest : { ...rest, ...(sent ? { [noteId]: sent } : {}) })),
        );
        return done;
      },
      editNote: (note: WireNote, change: { text?: string; colour?: NoteColour }) =>
        send("note:update", { noteId: note.id, baseVersion: note.version, ...change }),
      deleteNote: (noteId: string) => send("note:delete", { noteId }),
      /** Moves a note before another (or to the end of a column); shown at once. */
      moveNote: (noteId: string, column: string, beforeNoteId: string | null, optimisticPosition: number) => {
        setMoving((m) => ({ ...m, [noteId]: { column, position: optimisticPosition } }));
        const done = send("note:move", { noteId, column, beforeNoteId });
        void done?.finally(() => setMoving(({ [noteId]: _, ...rest }) => rest));
        return done;
      },
      groupNote: (noteId: string, withNoteId: string) => send("note:group", { noteId, withNoteId }),
      ungroupNote: (noteId: string) => send("note:ungroup", { noteId }),
      renameGroup: (groupId: string, title: string) => send("group:rename", { groupId, title }),
      updateBoard: (change: {
        locked?: boolean;
        anonymous?: boolean;
        hiddenUntilReveal?: boolean;
        title?: string;
        mapPhotoId?: string;
      }) => send("board:update", { boardId, ...change }),
      reveal: () => send("board:reveal", { boardId }),
      copyTo: (toBoardId: string, noteIds: string[], groupIds: string[]) => send("notes:copy", { toBoardId, noteIds, groupIds }),
      dismiss: (commandId: string) => c?.dismiss(commandId),
    }),
    [send, boardId, c],
  );

  return { state, columns, mapNotes, pendingNotes, error, ...actions };
}

export type BoardHandle = ReturnType<typeof useBoard>;
