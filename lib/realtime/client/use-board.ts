"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { eventsOfAck } from "@/lib/boards/ack-events";
import { asTheRoomSees, boardRoom, columnsOf } from "@/lib/boards/board-state";
import { boardInWords } from "@/lib/boards/board-words";
import { isMapBoard, type Pin } from "@/lib/boards/pins";
import type { Ack, CommandName, CommandPayload, CommandResults, HiddenNoteText, NoteColour, WireNote } from "../contract";
import type { PendingCommand } from "./outbox";
import { useConnection, usePending } from "./react";
import { useOwnNews } from "./use-own-news";
import { useRoom } from "./use-room";

// Never changed: the one empty list of every board that is not a map.
const noNotes: WireNote[] = [];

/**
 * A board, live and converging: notes by column, groups, settings; the viewer's own notes
 * marked; what was written but not yet acknowledged; and the commands to change it.
 */
/**
 * `asTheRoom`: for a screen the room looks at (the projector), which holds the board as the room
 * reads it even though it is signed in as someone who may have written notes there (asTheRoomSees).
 */
export function useBoard(boardId: string, { asTheRoom = false }: { asTheRoom?: boolean } = {}) {
  const c = useConnection();
  const room = useRoom("board", boardId || null, boardRoom);
  const { state: stored, error } = room;
  // Template words nobody edited, in this reader's language (the room's phones differ).
  const t = useTranslations("templates");
  const state = useMemo(() => {
    if (!stored) return stored;
    const shown = asTheRoom ? asTheRoomSees(stored) : stored;
    return { ...shown, board: boardInWords(shown.board, t) };
  }, [stored, t, asTheRoom]);
  // Where a note was dragged to, shown at once and dropped when the server answers.
  const [moving, setMoving] = useState<Record<string, { column: string; position: number }>>({});
  // Where a pin was dragged to on a map board, likewise.
  const [pinning, setPinning] = useState<Record<string, Pin>>({});

  const send = useCallback(
    <N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack<CommandResults[N]>> | null => {
      if (!c) return null;
      // A refused change is said where it was made (a wall's move, a note's edit box, the undo):
      // only a new note's refusal is kept, listed on the phone for its words to be copied.
      const { done } = c.send(name, payload, { dropIfRefused: name !== "note:create" });
      return done.then((ack) => {
        for (const event of eventsOfAck(name, ack)) room.apply(event);
        return ack;
      });
    },
    [c, room.apply],
  );

  // My notes the room can't read yet carry my name only in a snapshot (the room's copies carry
  // none): after a rename, on any of my devices, the board is read again to sign them anew.
  useOwnNews(["profile:renamed"], () => {
    if (!stored) return;
    const hiddenBoard = stored.board.hiddenUntilReveal && !stored.board.revealed;
    const signedUnseen = Object.values(stored.notes).some(
      (n) => n.authorTag === stored.myTag && n.authorName !== null && (hiddenBoard || n.withheld),
    );
    if (signedUnseen) room.reload();
  });

  // A note I wrote, edited or brought back on another of my screens reaches this one as the
  // room's copy, which does not say it is mine on an anonymous board, nor what it says while the
  // board is hidden: my copy comes too, to my screens only, and is taken as an answer is.
  const apply = room.apply;
  useEffect(() => {
    if (!c || !boardId) return;
    const onYours = ({ note }: { note: WireNote }) => {
      if (note.boardId === boardId) apply({ name: "note:changed", data: { notes: [note] } });
    };
    c.socket.on("note:yours", onYours);
    return () => void c.socket.off("note:yours", onYours);
  }, [c, boardId, apply]);

  const pendingNotes = usePending(
    useCallback(
      (p: PendingCommand) => p.name === "note:create" && (p.payload as { boardId?: string } | null)?.boardId === boardId,
      [boardId],
    ),
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
    // Only a map board numbers its pins: any other board keeps one empty list, not a sort per change.
    if (!state || !isMapBoard(state.board)) return noNotes;
    return Object.values(state.notes)
      .map((n) => (pinning[n.id] ? { ...n, pin: pinning[n.id] as Pin } : n))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }, [state, pinning]);

  const actions = useMemo(
    () => ({
      addNote: (note: Omit<CommandPayload<"note:create">, "boardId">) => send("note:create", { boardId, ...note }),
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
      /** Undo of a delete: the note comes back with its group and votes. */
      restoreNote: (noteId: string) => send("note:restore", { noteId }),
      /** Moves a note before another (or to the end of a column); shown at once. */
      moveNote: (noteId: string, column: string, beforeNoteId: string | null, optimisticPosition: number) => {
        const to = { column, position: optimisticPosition };
        setMoving((m) => ({ ...m, [noteId]: to }));
        const done = send("note:move", { noteId, column, beforeNoteId });
        // Only this move's own answer drops it: two quick "move up" presses must not let the
        // first answer show the note back where the second had already taken it.
        void done?.finally(() =>
          setMoving(({ [noteId]: shown, ...rest }) => (shown === to || !shown ? rest : { ...rest, [noteId]: shown })),
        );
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
      /** Moderation: hide a note from the room (its author is told), or show it again. */
      withholdNote: (noteId: string, withheld: boolean) => send("note:withhold", { noteId, withheld }),
      copyTo: (toBoardId: string, noteIds: string[], groupIds: string[]) => send("notes:copy", { toBoardId, noteIds, groupIds }),
      dismiss: (commandId: string) => c?.dismiss(commandId),
    }),
    [send, boardId, c],
  );

  return { state, columns, mapNotes, pendingNotes, error, reload: room.reload, ...actions };
}

export type BoardHandle = ReturnType<typeof useBoard>;

export type HiddenForStaff = { notes: Record<string, HiddenNoteText>; groupTitles: Record<string, string> };
const nothingHidden: HiddenForStaff = { notes: {}, groupTitles: {} };

/**
 * For staff: the text of the notes on this board the room can't see yet (hidden until the reveal,
 * or hidden by a facilitator), and the titles of their groups, so they can moderate before the
 * room reads them. Asked again when a hidden note appears, changes or goes, when a group changes
 * while any is hidden (the room's copy of a hidden group's new title carries no title), and after
 * a reconnect; never broadcast.
 */
export function useHiddenNoteTexts(board: BoardHandle, enabled: boolean): HiddenForStaff {
  const c = useConnection();
  const boardId = board.state?.board.id ?? null;
  const [hidden, setHidden] = useState<HiddenForStaff>(nothingHidden);
  const hiddenKey = useMemo(
    () =>
      Object.values(board.state?.notes ?? {})
        .filter((n) => n.hidden)
        .map((n) => `${n.id}:${n.version}`)
        .sort()
        .join(","),
    [board.state?.notes],
  );
  // A new object whenever the groups change while one of them is hidden: its title may have.
  const groups = board.state?.groups;
  const hiddenGroups = useMemo(() => (Object.values(groups ?? {}).some((g) => g.hidden) ? {} : null), [groups]);
  useEffect(() => {
    if (!c || !enabled || !boardId || (hiddenKey === "" && hiddenGroups === null)) return;
    let live = true;
    const load = async () => {
      const ack = await c.query("board:hidden-notes", { boardId }).catch(() => null);
      if (!live || !ack?.ok) return;
      setHidden({
        notes: Object.fromEntries(ack.result.notes.map((n) => [n.id, n])),
        groupTitles: Object.fromEntries(ack.result.groups.map((g) => [g.id, g.title])),
      });
    };
    void load();
    const off = c.onResync(load);
    return () => {
      live = false;
      off();
    };
  }, [c, enabled, boardId, hiddenKey, hiddenGroups]);
  return hidden;
}
