"use client";

import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import { type ColumnView, canGroupWithAbove } from "@/lib/boards/board-state";
import { isMapBoard } from "@/lib/boards/pins";
import { positionBetween } from "@/lib/boards/positions";
import { neighbourNote, wallKeyIntent, wallKeyShortcuts } from "@/lib/boards/wall-keys";
import { plural } from "@/lib/plural";
import { type BoardHandle, useBoard, useHiddenNoteTexts } from "@/lib/realtime/client/use-board";
import type { WireNote } from "@/lib/realtime/contract";
import { BoardBadges } from "./board-badges";
import { MapWall } from "./map-wall";
import { useRovingFocus } from "./use-roving-focus";
import { useColumnDropRefs, useWallDnd, type WallDrop } from "./use-wall-dnd";
import { TallyBadge } from "./vote-controls";
import { type MoveIntent, WallNote } from "./wall-note";

type Segment = { groupId: string | null; notes: WireNote[] };

/** A group's notes sit together in one frame, where its first note is. */
function segmentsOf(notes: WireNote[]): Segment[] {
  const segments: Segment[] = [];
  const byGroup = new Map<string, Segment>();
  for (const n of notes) {
    const existing = n.groupId ? byGroup.get(n.groupId) : undefined;
    if (existing) existing.notes.push(n);
    else {
      const segment = { groupId: n.groupId, notes: [n] };
      if (n.groupId) byGroup.set(n.groupId, segment);
      segments.push(segment);
    }
  }
  return segments;
}

function GroupTitle({
  board,
  groupId,
  title,
  editable,
}: {
  board: BoardHandle;
  groupId: string;
  title: string;
  editable: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (!editable) return <p className="px-1 text-lg font-bold">{title || "Untitled group"}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (draft !== null) void board.renameGroup(groupId, draft);
        setDraft(null);
      }}
    >
      <label className="sr-only" htmlFor={`group-${groupId}`}>
        Group title
      </label>
      <input
        id={`group-${groupId}`}
        value={draft ?? title}
        placeholder="Name this group"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null && draft !== title) void board.renameGroup(groupId, draft);
          setDraft(null);
        }}
        maxLength={80}
        className="w-full rounded-md border-2 border-transparent bg-transparent px-1 py-1 font-bold hover:border-line focus:border-brand focus:bg-white"
      />
    </form>
  );
}

/**
 * The board on a laptop or a projector: columns side by side, groups forming live. With
 * `interactive`, notes can be dragged to move and group, or moved with the keyboard.
 */
type WallProps = {
  boardId: string;
  interactive: boolean;
  tone?: "light" | "dark";
  onSelectionChange?: (selection: { noteIds: string[]; groupIds: string[] }) => void;
  /** Dots per note, when a vote's tallies are visible. */
  tallies?: Record<string, number> | null;
  /** Staff's own wall (never the projector): read the notes the room can't see, and hide one from the room. */
  moderate?: boolean;
};

export function WallBoard(props: WallProps) {
  return <WallBoardView {...props} board={useBoard(props.boardId)} />;
}

/** The wall for a board whose live state the caller already holds (e.g. beside its settings). */
export function WallBoardView({
  boardId,
  interactive,
  tone = "light",
  onSelectionChange,
  board,
  tallies,
  moderate = false,
}: WallProps & { board: BoardHandle }) {
  const { state, columns } = board;
  const hiddenTexts = useHiddenNoteTexts(board, moderate);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);

  const report = useCallback((done: Promise<{ ok: boolean; error?: { message: string } }> | null) => {
    void done?.then((ack) => setMessage(ack.ok ? null : (ack.error?.message ?? "That didn't work.")));
  }, []);

  const moveBefore = useCallback(
    (noteId: string, column: ColumnView, beforeId: string | null) => {
      const others = column.notes.filter((n) => n.id !== noteId);
      const index = beforeId ? others.findIndex((n) => n.id === beforeId) : others.length;
      const position =
        positionBetween(others[index - 1]?.position, others[index]?.position) ?? (others[index - 1]?.position ?? 0) + 0.5;
      report(board.moveNote(noteId, column.key, beforeId, position));
    },
    [board.moveNote, report],
  );

  const onMove = useCallback(
    (noteId: string, intent: MoveIntent) => {
      const ci = columns.findIndex((c) => c.notes.some((n) => n.id === noteId));
      const column = columns[ci];
      if (!column) return;
      const i = column.notes.findIndex((n) => n.id === noteId);
      if (intent === "up" && i > 0) moveBefore(noteId, column, column.notes[i - 1]?.id ?? null);
      if (intent === "down" && i < column.notes.length - 1) moveBefore(noteId, column, column.notes[i + 2]?.id ?? null);
      const target = intent === "left" ? columns[ci - 1] : intent === "right" ? columns[ci + 1] : undefined;
      if (target) moveBefore(noteId, target, null);
      if (intent === "group-above" && i > 0) report(board.groupNote(noteId, column.notes[i - 1]?.id as string));
      if (intent === "ungroup") report(board.ungroupNote(noteId));
    },
    [columns, moveBefore, board.groupNote, board.ungroupNote, report],
  );

  const onSelect = useCallback(
    (noteId: string, on: boolean) => {
      setSelected((previous) => {
        const next = new Set(previous);
        if (on) next.add(noteId);
        else next.delete(noteId);
        const keys = [...next];
        onSelectionChange?.({
          noteIds: keys.filter((k) => !k.startsWith("group:")),
          groupIds: keys.filter((k) => k.startsWith("group:")).map((k) => k.slice("group:".length)),
        });
        return next;
      });
    },
    [onSelectionChange],
  );

  const onWithhold = useCallback(
    (noteId: string, withheld: boolean) => report(board.withholdNote(noteId, withheld)),
    [board.withholdNote, report],
  );

  // What a screen reader hears about drags and keyboard moves (the wall's one live region).
  const [announcement, setAnnouncement] = useState("");
  const noteWords = useCallback(
    (noteId: string) => {
      const n = state?.notes[noteId];
      const text = n && !n.hidden ? n.text : "a hidden note";
      return text.length > 40 ? `${text.slice(0, 40)}…` : text;
    },
    [state?.notes],
  );
  const columnTitle = useCallback((key: string) => columns.find((c) => c.key === key)?.title ?? key, [columns]);
  const columnOf = useCallback(
    (noteId: string) => columns.find((c) => c.notes.some((n) => n.id === noteId))?.key ?? null,
    [columns],
  );

  const onDrop = useCallback(
    (drop: WallDrop) => {
      if (drop.kind === "group") return report(board.groupNote(drop.noteId, drop.targetId));
      const column = columns.find((c) => c.key === drop.columnKey);
      if (!column) return;
      let beforeId: string | null = null;
      if (drop.edge === "before") beforeId = drop.targetId;
      if (drop.edge === "after") {
        const others = column.notes.filter((n) => n.id !== drop.noteId);
        beforeId = others[others.findIndex((n) => n.id === drop.targetId) + 1]?.id ?? null;
      }
      moveBefore(drop.noteId, column, beforeId);
    },
    [columns, moveBefore, board.groupNote, report],
  );
  const { dragging, drop } = useWallDnd({
    enabled: interactive,
    columnOf,
    onDrop,
    announce: setAnnouncement,
    describe: { note: noteWords, column: columnTitle },
  });

  const columnDrop = useColumnDropRefs(interactive);

  // Keyboard: the notes in the order they're drawn, column by column, for the arrows.
  const wallRef = useRef<HTMLElement>(null);
  const order = useMemo(
    () =>
      columns.map((c) =>
        segmentsOf(c.notes)
          .flatMap((s) => s.notes)
          .filter((n) => !n.hidden || (moderate && hiddenTexts[n.id]))
          .map((n) => n.id),
      ),
    [columns, moderate, hiddenTexts],
  );
  const { active, focusNote } = useRovingFocus(
    wallRef,
    useMemo(() => order.flat(), [order]),
  );
  const keysHelpId = `wall-keys-${boardId}`;

  const onKey = useCallback(
    (noteId: string, e: KeyboardEvent<HTMLElement>) => {
      const intent = wallKeyIntent(e);
      if (!intent) return;
      if (e.target !== e.currentTarget) {
        // Inside the note's own buttons only Escape is the wall's: back to the note.
        if (intent.kind === "leave-buttons") {
          e.preventDefault();
          focusNote(noteId);
        }
        return;
      }
      e.preventDefault();
      const column = columns.find((c) => c.notes.some((n) => n.id === noteId));
      if (intent.kind === "focus") {
        const next = neighbourNote(order, noteId, intent.to);
        if (next) focusNote(next);
      } else if (intent.kind === "move") {
        const to =
          intent.direction === "left" || intent.direction === "right"
            ? columns[columns.indexOf(column as ColumnView) + (intent.direction === "left" ? -1 : 1)]
            : column;
        onMove(noteId, intent.direction);
        if (to)
          setAnnouncement(
            `Moved ${intent.direction === "left" || intent.direction === "right" ? `to column ${to.title}` : intent.direction}: ${noteWords(noteId)}`,
          );
      } else if (intent.kind === "group-above") {
        const chosen = [...selected].filter((k) => !k.startsWith("group:") && k !== noteId && state?.notes[k]);
        if (chosen.length > 0) {
          // The two-step way: tick notes with X, then G on the note they should join.
          for (const id of chosen) report(board.groupNote(id, noteId));
          for (const id of chosen) onSelect(id, false);
          setAnnouncement(`Grouped ${chosen.length} selected with ${noteWords(noteId)}`);
          return;
        }
        const above = neighbourNote(order, noteId, "up");
        const mine = state?.notes[noteId];
        if (!above || (mine?.groupId && state?.notes[above]?.groupId === mine.groupId)) {
          setAnnouncement("No note above to group with");
          return;
        }
        report(board.groupNote(noteId, above));
        setAnnouncement(`Grouped with ${noteWords(above)}`);
      } else if (intent.kind === "ungroup") {
        if (!state?.notes[noteId]?.groupId) return setAnnouncement("Not in a group");
        report(board.ungroupNote(noteId));
        setAnnouncement(`Taken out of its group: ${noteWords(noteId)}`);
      } else if (intent.kind === "toggle-select") {
        const on = !selected.has(noteId);
        onSelect(noteId, on);
        setAnnouncement(`${on ? "Selected" : "Not selected"}: ${noteWords(noteId)}`);
      }
    },
    [columns, order, focusNote, onMove, selected, onSelect, state?.notes, board.groupNote, board.ungroupNote, report, noteWords],
  );

  if (!state) return <p className={tone === "dark" ? "text-white/80" : "text-ink-soft"}>{board.error ?? "Opening the board…"}</p>;
  if (isMapBoard(state.board)) return <MapWall board={board} interactive={interactive} tone={tone} />;
  const dark = tone === "dark";
  const total = Object.keys(state.notes).length;

  return (
    <section ref={wallRef} aria-labelledby={`wall-${boardId}`} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id={`wall-${boardId}`} className={dark ? "text-4xl font-extrabold" : "text-2xl font-extrabold"}>
            {state.board.title}
          </h2>
          <BoardBadges board={state.board} tone={tone} />
        </div>
        <p className={dark ? "text-2xl text-white/70" : "text-ink-soft"}>{plural(total, "note")}</p>
      </div>
      {interactive ? (
        <>
          <p id={keysHelpId} className="sr-only">
            Arrow keys go from note to note. G groups with the note above, U ungroups, X selects, Alt with an arrow moves the
            note. Tab reaches the note's buttons.
          </p>
          <p aria-live="assertive" className="sr-only" data-testid="wall-announcer">
            {announcement}
          </p>
        </>
      ) : null}
      {message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-2 font-semibold text-danger">
          {message}
        </p>
      ) : null}
      <div className="grid gap-4" style={{ gridTemplateColumns: `repeat(${Math.max(1, columns.length)}, minmax(0, 1fr))` }}>
        {columns.map((column) => (
          <section
            key={column.key}
            ref={columnDrop(column.key)}
            aria-label={column.title}
            data-drop={drop?.kind === "move" && drop.edge === "end" && drop.columnKey === column.key ? "end" : undefined}
            className={`space-y-3 rounded-2xl p-4 ${dark ? "bg-stage-raised" : "bg-paper"}`}
            data-testid="wall-column"
          >
            <h3 className={dark ? "text-2xl font-bold" : "font-bold"}>
              {column.title} <span className={dark ? "text-white/60" : "text-ink-soft"}>({column.notes.length})</span>
            </h3>
            <ul className="space-y-2">
              {segmentsOf(column.notes).map((segment) => {
                const items = segment.notes.map((note) => (
                  <li key={note.id} className="[content-visibility:auto] [contain-intrinsic-size:auto_110px]">
                    <WallNote
                      note={note}
                      interactive={interactive}
                      size={dark ? "wall" : "compact"}
                      selected={selected.has(note.id)}
                      onSelect={onSelect}
                      onMove={onMove}
                      keys={
                        interactive
                          ? { active: active === note.id, onKey, describedBy: keysHelpId, shortcuts: wallKeyShortcuts }
                          : undefined
                      }
                      drag={
                        dragging
                          ? {
                              lifted: dragging === note.id,
                              drop:
                                drop?.kind === "group" && drop.targetId === note.id
                                  ? "group"
                                  : drop?.kind === "move" && drop.targetId === note.id
                                    ? (drop.edge as "before" | "after")
                                    : null,
                            }
                          : undefined
                      }
                      canGroupAbove={canGroupWithAbove(column.notes, note)}
                      tally={tallies ? (tallies[note.id] ?? 0) : null}
                      moderation={moderate ? { hidden: hiddenTexts[note.id] ?? null, onWithhold } : undefined}
                    />
                  </li>
                ));
                if (!segment.groupId) return items;
                return (
                  <li key={`group-${segment.groupId}-${segment.notes[0]?.id}`} data-testid="wall-group">
                    <div className={`space-y-2 rounded-xl p-2 ring-2 ${dark ? "ring-sun/60" : "ring-brand/40 bg-white/60"}`}>
                      <div className="flex items-center gap-2">
                        <div className="min-w-0 flex-1">
                          <GroupTitle
                            board={board}
                            groupId={segment.groupId}
                            title={state.groups[segment.groupId]?.title ?? ""}
                            editable={interactive}
                          />
                        </div>
                        {tallies ? <TallyBadge dots={tallies[segment.groupId] ?? 0} size={dark ? "wall" : "phone"} /> : null}
                        {interactive ? (
                          <label className="inline-flex min-h-8 shrink-0 items-center gap-1 rounded bg-white/70 px-2 text-xs font-semibold">
                            <input
                              type="checkbox"
                              checked={selected.has(`group:${segment.groupId}`)}
                              onChange={(e) => onSelect(`group:${segment.groupId}`, e.target.checked)}
                            />
                            Select group
                            <span className="sr-only">: {state.groups[segment.groupId]?.title || "untitled"}</span>
                          </label>
                        ) : null}
                      </div>
                      <ul className="space-y-2">{items}</ul>
                    </div>
                  </li>
                );
              })}
              {interactive ? (
                // Always there, never resized: the "move to the end" line draws over it, so nothing jumps.
                <li aria-hidden className="relative h-0">
                  {drop?.kind === "move" && drop.edge === "end" && drop.columnKey === column.key ? (
                    <span
                      data-testid="drop-indicator"
                      data-drop="end"
                      className="absolute inset-x-0 top-0 h-1 rounded-full bg-brand"
                    >
                      <span className="absolute left-2 -translate-y-1/2 rounded-full bg-brand px-2 py-0.5 text-xs font-bold text-white">
                        Will move here
                      </span>
                    </span>
                  ) : null}
                </li>
              ) : null}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
