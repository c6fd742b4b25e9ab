"use client";

import { useCallback, useState } from "react";
import { type ColumnView, canGroupWithAbove } from "@/lib/boards/board-state";
import { isMapBoard } from "@/lib/boards/pins";
import { positionBetween } from "@/lib/boards/positions";
import { plural } from "@/lib/plural";
import { type BoardHandle, useBoard, useHiddenNoteTexts } from "@/lib/realtime/client/use-board";
import type { WireNote } from "@/lib/realtime/contract";
import { BoardBadges } from "./board-badges";
import { MapWall } from "./map-wall";
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
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
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

  const onDropOn = useCallback(
    (targetId: string) => {
      if (dragging && dragging !== targetId) report(board.groupNote(dragging, targetId));
      setDragging(null);
      setOver(null);
    },
    [dragging, board.groupNote, report],
  );

  if (!state) return <p className={tone === "dark" ? "text-white/80" : "text-ink-soft"}>{board.error ?? "Opening the board…"}</p>;
  if (isMapBoard(state.board)) return <MapWall board={board} interactive={interactive} tone={tone} />;
  const dark = tone === "dark";
  const total = Object.keys(state.notes).length;

  const dropLine = (column: ColumnView, beforeId: string | null, key: string) =>
    interactive && dragging ? (
      <li
        key={key}
        aria-hidden
        data-testid={beforeId ? "drop-before" : "drop-end"}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(key);
        }}
        onDragLeave={() => setOver(null)}
        onDrop={(e) => {
          e.preventDefault();
          if (dragging) moveBefore(dragging, column, beforeId);
          setDragging(null);
          setOver(null);
        }}
        className={`rounded transition-all ${over === key ? "h-10 bg-brand/30" : beforeId ? "h-3" : "h-16"} ${beforeId ? "" : "border-2 border-dashed border-line"}`}
      />
    ) : null;

  return (
    <section aria-labelledby={`wall-${boardId}`} className="space-y-4" onDragEnd={() => setDragging(null)}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id={`wall-${boardId}`} className={dark ? "text-4xl font-extrabold" : "text-2xl font-extrabold"}>
            {state.board.title}
          </h2>
          <BoardBadges board={state.board} tone={tone} />
        </div>
        <p className={dark ? "text-2xl text-white/70" : "text-ink-soft"}>{plural(total, "note")}</p>
      </div>
      {message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-2 font-semibold text-danger">
          {message}
        </p>
      ) : null}
      <div className="grid gap-4" style={{ gridTemplateColumns: `repeat(${Math.max(1, columns.length)}, minmax(0, 1fr))` }}>
        {columns.map((column) => (
          <section
            key={column.key}
            aria-label={column.title}
            className={`space-y-3 rounded-2xl p-4 ${dark ? "bg-stage-raised" : "bg-paper"}`}
            data-testid="wall-column"
          >
            <h3 className={dark ? "text-2xl font-bold" : "font-bold"}>
              {column.title} <span className={dark ? "text-white/60" : "text-ink-soft"}>({column.notes.length})</span>
            </h3>
            <ul className="space-y-2">
              {segmentsOf(column.notes).map((segment) => {
                const items = segment.notes.flatMap((note) => [
                  dropLine(column, note.id, `before-${note.id}`),
                  <li key={note.id} className="[content-visibility:auto] [contain-intrinsic-size:auto_110px]">
                    <WallNote
                      note={note}
                      interactive={interactive}
                      size={dark ? "wall" : "compact"}
                      selected={selected.has(note.id)}
                      dropTarget={over === note.id && dragging !== note.id}
                      onSelect={onSelect}
                      onMove={onMove}
                      onDragStart={setDragging}
                      onDropOn={onDropOn}
                      onDragOverNote={setOver}
                      canGroupAbove={canGroupWithAbove(column.notes, note)}
                      tally={tallies ? (tallies[note.id] ?? 0) : null}
                      moderation={moderate ? { hidden: hiddenTexts[note.id] ?? null, onWithhold } : undefined}
                    />
                  </li>,
                ]);
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
              {dropLine(column, null, `end-${column.key}`)}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
