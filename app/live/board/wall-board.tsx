"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from "react";
import type { CardFit } from "@/app/live/note-card";
import { type ColumnView, canGroupWithAbove } from "@/lib/boards/board-state";
import { isMapBoard } from "@/lib/boards/pins";
import { positionBetween } from "@/lib/boards/positions";
import { projectorWallLayout, segmentsInOrder, type WallLayout } from "@/lib/boards/wall-layout";
import { plural } from "@/lib/plural";
import { type BoardHandle, useBoard, useHiddenNoteTexts } from "@/lib/realtime/client/use-board";
import type { WireNote } from "@/lib/realtime/contract";
import { BoardBadges } from "./board-badges";
import { MapWall } from "./map-wall";
import { TallyBadge } from "./vote-controls";
import { type MoveIntent, WallNote } from "./wall-note";

type Segment = { groupId: string | null; notes: WireNote[] };

/** Consecutive notes of one group (or of none): a page's slice of a column, cut back into segments. */
function runsOf(notes: WireNote[]): Segment[] {
  const runs: Segment[] = [];
  for (const n of notes) {
    const last = runs[runs.length - 1];
    if (last && last.groupId === n.groupId) last.notes.push(n);
    else runs.push({ groupId: n.groupId, notes: [n] });
  }
  return runs;
}

/** Where a dragged note can land: a strip beside a note, or the cell at a column's end. */
function DropSlot({
  as: Tag,
  testId,
  ...rest
}: {
  as: "div" | "li";
  testId: string;
  className: string;
  onDragOver: React.DragEventHandler;
  onDragLeave: React.DragEventHandler;
  onDrop: React.DragEventHandler;
}) {
  return <Tag aria-hidden data-testid={testId} {...rest} />;
}

/** How long a page of a board too big for one screen stays up. */
const pageMs = 12_000;

/**
 * The box a projected wall fills, and this screen's rem, measured: the layout is computed from
 * them, so a resized window or another projector re-flows the cards.
 */
function useBox() {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [box, setBox] = useState<{ width: number; height: number; rem: number } | null>(null);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const next = { width: element.clientWidth, height: element.clientHeight, rem };
      setBox((b) => (b && b.width === next.width && b.height === next.height && b.rem === next.rem ? b : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, box] as const;
}

/** A board too big for one screen turns its pages by itself; a page is a still picture, so nothing moves between turns. */
function usePage(pages: number) {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const turn = setInterval(() => setPage((p) => (p + 1) % pages), pageMs);
    return () => clearInterval(turn);
  }, [pages]);
  return page % Math.max(1, pages);
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
  if (!editable) return <p className="truncate px-1 text-[1em] font-bold">{title || "Untitled group"}</p>;
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
  // On the projector the whole board fits the screen, or turns pages; on the laptop it scrolls.
  const fitted = tone === "dark" && !interactive;
  const [boxRef, box] = useBox();
  const ordered = useMemo(() => columns.map((c) => segmentsInOrder(c.notes)), [columns]);
  const meta = !!tallies || columns.some((c) => c.notes.some((n) => n.authorName || n.source));
  const layout: WallLayout | null = useMemo(
    () =>
      fitted && box
        ? projectorWallLayout({
            columns: ordered.map((segments) => ({
              segments: segments.map((s) => ({ notes: s.notes.length, grouped: s.groupId !== null })),
            })),
            width: box.width,
            // A few px of slack for rounding: a card never ends under the screen's edge.
            height: box.height - 4,
            rem: box.rem,
            meta,
            metaRequired: !!tallies,
          })
        : null,
    [fitted, box, ordered, meta, tallies],
  );
  const page = usePage(layout?.pages ?? 1);

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

  // In a grid, a drop line takes no cell (the notes must not shift under the pointer as a drag
  // starts): "before this note" is a strip over the note's left edge; the column's end is a cell.
  const dropLine = (column: ColumnView, beforeId: string | null, key: string) =>
    interactive && dragging ? (
      <DropSlot
        key={key}
        as={beforeId ? "div" : "li"}
        testId={beforeId ? "drop-before" : "drop-end"}
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
        className={`rounded transition-all ${
          beforeId
            ? `absolute inset-y-0 -left-1.5 z-10 w-3 ${over === key ? "bg-brand/60" : ""}`
            : `h-16 border-2 border-dashed border-line ${over === key ? "bg-brand/30" : ""}`
        }`}
      />
    ) : null;

  const fit: CardFit | undefined = layout
    ? {
        fontPx: layout.fontPx,
        lineHeight: layout.lineHeight,
        lines: layout.lines,
        padX: layout.padX,
        padY: layout.padY,
        metaPx: layout.metaPx,
        height: layout.cardHeight,
      }
    : undefined;
  const cardGrid = layout ? { gridTemplateColumns: `repeat(${layout.cardsAcross}, minmax(0, 1fr))`, gap: layout.gap } : undefined;
  // The laptop's grid: as many cards across as fit, each wide enough for its buttons.
  const laptopGrid = "grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-2";

  return (
    <section
      aria-labelledby={`wall-${boardId}`}
      className={fitted ? "flex h-full min-h-0 flex-col gap-3" : "space-y-4"}
      onDragEnd={() => setDragging(null)}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id={`wall-${boardId}`} className={dark ? "text-4xl font-extrabold" : "text-2xl font-extrabold"}>
            {state.board.title}
          </h2>
          <BoardBadges board={state.board} tone={tone} />
        </div>
        <div className="flex items-center gap-6">
          {layout && layout.pages > 1 ? (
            <p className="flex items-center gap-3 text-2xl font-bold" data-testid="wall-page">
              <span>
                Page {page + 1} of {layout.pages}
              </span>
              <span aria-hidden className="flex gap-1.5">
                {Array.from({ length: layout.pages }, (_, i) => (
                  <span
                    // biome-ignore lint/suspicious/noArrayIndexKey: one dot per page, by position
                    key={i}
                    className={`h-3 w-3 rounded-full ${i === page ? "bg-sun" : "bg-white/30"}`}
                  />
                ))}
              </span>
            </p>
          ) : null}
          <p className={dark ? "text-2xl text-white/70" : "text-ink-soft"}>{plural(total, "note")}</p>
        </div>
      </div>
      {message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-2 font-semibold text-danger">
          {message}
        </p>
      ) : null}
      <div
        ref={fitted ? boxRef : undefined}
        className={fitted ? "min-h-0 flex-1 overflow-hidden" : undefined}
        data-testid="wall-columns"
      >
        {fitted && !layout ? null : (
          <div
            className={`grid ${layout ? "h-full" : "gap-4"}`}
            style={{
              gridTemplateColumns: `repeat(${Math.max(1, columns.length)}, minmax(0, 1fr))`,
              gap: layout?.columnGap,
            }}
          >
            {columns.map((column, ci) => {
              const range = layout?.columnPages[ci]?.[page];
              const segments = range
                ? runsOf((ordered[ci] ?? []).flatMap((s) => s.notes).slice(range[0], range[1]))
                : (ordered[ci] ?? []);
              return (
                <section
                  key={column.key}
                  aria-label={column.title}
                  className={`min-w-0 rounded-2xl ${layout ? "overflow-hidden" : "space-y-3 p-4"} ${dark ? "bg-stage-raised" : "bg-paper"}`}
                  style={layout ? { padding: layout.columnPad } : undefined}
                  data-testid="wall-column"
                >
                  <h3
                    className={`truncate ${dark ? "text-2xl font-bold" : "font-bold"}`}
                    style={
                      layout
                        ? {
                            fontSize: layout.fontPx,
                            lineHeight: layout.lineHeight,
                            marginBottom: layout.headHeight - Math.ceil(layout.fontPx * layout.lineHeight),
                          }
                        : undefined
                    }
                  >
                    {column.title} <span className={dark ? "text-white/60" : "text-ink-soft"}>({column.notes.length})</span>
                  </h3>
                  <ul className={layout ? "grid" : laptopGrid} style={cardGrid}>
                    {segments.map((segment) => {
                      const items = segment.notes.map((note) => (
                        <li
                          key={note.id}
                          className={
                            layout ? "min-w-0" : "relative min-w-0 [content-visibility:auto] [contain-intrinsic-size:auto_110px]"
                          }
                        >
                          {dropLine(column, note.id, `before-${note.id}`)}
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
                            fit={fit}
                          />
                        </li>
                      ));
                      if (!segment.groupId) return items;
                      return (
                        <li
                          key={`group-${segment.groupId}-${segment.notes[0]?.id}`}
                          data-testid="wall-group"
                          className="col-span-full"
                        >
                          <div
                            className={`rounded-xl ring-2 ${layout ? "" : "space-y-2 p-2"} ${dark ? "ring-sun/60" : "ring-brand/40 bg-white/60"}`}
                            style={layout ? { padding: layout.framePad } : undefined}
                          >
                            <div
                              className="flex items-center gap-2"
                              style={
                                layout
                                  ? {
                                      fontSize: layout.fontPx * 0.85,
                                      lineHeight: layout.lineHeight,
                                      height: layout.groupHeadHeight,
                                      paddingBottom: layout.groupHeadHeight - Math.ceil(layout.fontPx * 0.85 * layout.lineHeight),
                                    }
                                  : undefined
                              }
                            >
                              <div className="min-w-0 flex-1">
                                <GroupTitle
                                  board={board}
                                  groupId={segment.groupId}
                                  title={state.groups[segment.groupId]?.title ?? ""}
                                  editable={interactive}
                                />
                              </div>
                              {tallies ? (
                                <TallyBadge
                                  dots={tallies[segment.groupId] ?? 0}
                                  size={layout ? "fit" : dark ? "wall" : "phone"}
                                />
                              ) : null}
                              {interactive ? (
                                <label className="inline-flex min-h-7 shrink-0 items-center gap-1 rounded bg-white/70 px-2 text-xs font-semibold">
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
                            <ul className={layout ? "grid" : laptopGrid} style={cardGrid}>
                              {items}
                            </ul>
                          </div>
                        </li>
                      );
                    })}
                    {dropLine(column, null, `end-${column.key}`)}
                  </ul>
                </section>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
