"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import type { CardFit } from "@/app/live/note-card";
import { CountedInput } from "@/app/ui/counted-input";
import { type ColumnView, canGroupWithAbove } from "@/lib/boards/board-state";
import { isMapBoard } from "@/lib/boards/pins";
import { positionBetween } from "@/lib/boards/positions";
import { neighbourNote, wallKeyIntent, wallKeyShortcuts } from "@/lib/boards/wall-keys";
import { projectorWallLayout, segmentsInOrder, type WallLayout } from "@/lib/boards/wall-layout";
import { type BoardHandle, useBoard, useHiddenNoteTexts } from "@/lib/realtime/client/use-board";
import { boardLimits } from "@/lib/realtime/constants";
import type { WireNote } from "@/lib/realtime/contract";
import { BoardBadges } from "./board-badges";
import { MapWall } from "./map-wall";
import { useBox, usePage } from "./use-projector-box";
import { useRovingFocus } from "./use-roving-focus";
import { useColumnDropRefs, useWallDnd, type WallDrop } from "./use-wall-dnd";
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

function GroupTitle({
  board,
  groupId,
  title,
  editable,
  onDone,
}: {
  board: BoardHandle;
  groupId: string;
  title: string;
  editable: boolean;
  /**
   * Named from the keyboard (R on one of its notes): the title is not a tab stop of its own, and
   * Enter or Escape gives focus back to that note.
   */
  onDone?: () => void;
}) {
  const t = useTranslations("wall.group");
  const [draft, setDraft] = useState<string | null>(null);
  // Sent and not yet answered: shown meanwhile, so the title does not blink back to the old one.
  const [sent, setSent] = useState<string | null>(null);
  const rename = (title: string) => {
    setSent(title);
    const answered = board.renameGroup(groupId, title);
    if (answered) void answered.finally(() => setSent((s) => (s === title ? null : s)));
    else setSent(null);
  };
  const tooLong = draft !== null && draft.length > boardLimits.groupTitle;
  // Escape gives the change up: the blur that follows must not save it.
  const cancelled = useRef(false);
  if (!editable) return <p className="truncate px-1 text-[1em] font-bold">{title || t("untitled")}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        // Too long, it stays as typed with its count, to shorten: sent, it would be refused and lost.
        if (tooLong) return;
        if (draft !== null) rename(draft);
        setDraft(null);
        onDone?.();
      }}
    >
      <label className="sr-only" htmlFor={`group-${groupId}`}>
        {t("titleLabel")}
      </label>
      <CountedInput
        id={`group-${groupId}`}
        value={draft ?? sent ?? title}
        placeholder={t("placeholder")}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Escape" || !onDone) return;
          e.preventDefault();
          cancelled.current = true;
          setDraft(null);
          onDone();
        }}
        tabIndex={onDone ? -1 : undefined}
        data-group-title={groupId}
        onBlur={() => {
          if (tooLong && !cancelled.current) return;
          if (draft !== null && draft !== title && !cancelled.current) rename(draft);
          cancelled.current = false;
          setDraft(null);
        }}
        maxLength={boardLimits.groupTitle}
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
  /** What those dots were put on (tallyCounts): a count shows on notes, on groups, or both. */
  counts?: { notes: boolean; groups: boolean };
  /** Staff's own wall (never the projector): read the notes the room can't see, and hide one from the room. */
  moderate?: boolean;
};

export function WallBoard(props: WallProps) {
  // Not interactive: the projector, which shows what the room reads.
  return <WallBoardView {...props} board={useBoard(props.boardId, { asTheRoom: !props.interactive })} />;
}

const countsBoth = { notes: true, groups: true };

/** The height of a column heading's lines on the projector, the same in every column so the cards line up. */
const headTextHeight = (layout: WallLayout) => Math.ceil(layout.headLines * layout.headFontPx * layout.lineHeight);

/** The wall for a board whose live state the caller already holds (e.g. beside its settings). */
export function WallBoardView({
  boardId,
  interactive,
  tone = "light",
  onSelectionChange,
  board,
  tallies,
  counts = countsBoth,
  moderate = false,
}: WallProps & { board: BoardHandle }) {
  const t = useTranslations("wall");
  const { state, columns } = board;
  const hidden = useHiddenNoteTexts(board, moderate);
  const hiddenTexts = hidden.notes;
  // Staff moderating read a hidden group's title from their own query; the room's copy has none.
  const groups = state?.groups;
  const groupTitleFor = useCallback(
    (groupId: string) => {
      const group = groups?.[groupId];
      return (group?.hidden ? hidden.groupTitles[groupId] : group?.title) ?? "";
    },
    [groups, hidden.groupTitles],
  );
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
            notes: columns.flatMap((c) => c.notes.map((n) => ({ text: n.hidden ? "" : n.text, photo: !!n.photoUrl }))),
            headings: columns.map((c) => `${c.title} (${c.notes.length})`),
          })
        : null,
    [fitted, box, ordered, meta, tallies, columns],
  );
  const page = usePage(layout?.pages ?? 1);

  const report = useCallback(
    (done: Promise<{ ok: boolean; error?: { message: string } }> | null) => {
      void done?.then((ack) => setMessage(ack.ok ? null : (ack.error?.message ?? t("failed"))));
    },
    [t],
  );

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
      const text = n && !n.hidden ? n.text : t("announce.hiddenNote");
      return text.length > 40 ? `${text.slice(0, 40)}…` : text;
    },
    [state?.notes, t],
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
  // The note whose group is being named from the keyboard, to give focus back to.
  const renameFrom = useRef<string | null>(null);
  const order = useMemo(
    () =>
      ordered.map((segments) =>
        segments
          .flatMap((s) => s.notes)
          .filter((n) => !n.hidden || (moderate && hiddenTexts[n.id]))
          .map((n) => n.id),
      ),
    [ordered, moderate, hiddenTexts],
  );
  const { active, focusNote } = useRovingFocus(
    wallRef,
    useMemo(() => order.flat(), [order]),
  );
  const keysHelpId = `wall-keys-${boardId}`;
  const onGroupNamed = useCallback(() => {
    const from = renameFrom.current;
    renameFrom.current = null;
    if (from) focusNote(from);
  }, [focusNote]);

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
            intent.direction === "left" || intent.direction === "right"
              ? t("announce.movedToColumnNote", { column: to.title, note: noteWords(noteId) })
              : t("announce.moved", { direction: intent.direction, note: noteWords(noteId) }),
          );
      } else if (intent.kind === "group-above") {
        const chosen = [...selected].filter((k) => !k.startsWith("group:") && k !== noteId && state?.notes[k]);
        if (chosen.length > 0) {
          // The two-step way: tick notes with X, then G on the note they should join.
          for (const id of chosen) report(board.groupNote(id, noteId));
          for (const id of chosen) onSelect(id, false);
          setAnnouncement(t("announce.groupedSelected", { count: chosen.length, note: noteWords(noteId) }));
          return;
        }
        const above = neighbourNote(order, noteId, "up");
        const mine = state?.notes[noteId];
        if (!above || (mine?.groupId && state?.notes[above]?.groupId === mine.groupId)) {
          setAnnouncement(t("announce.noNoteAbove"));
          return;
        }
        report(board.groupNote(noteId, above));
        setAnnouncement(t("announce.groupedWith", { note: noteWords(above) }));
      } else if (intent.kind === "ungroup") {
        if (!state?.notes[noteId]?.groupId) return setAnnouncement(t("announce.notInGroup"));
        report(board.ungroupNote(noteId));
        setAnnouncement(t("announce.ungrouped", { note: noteWords(noteId) }));
      } else if (intent.kind === "toggle-select") {
        const on = !selected.has(noteId);
        onSelect(noteId, on);
        setAnnouncement(t("announce.selected", { on: on ? "yes" : "no", note: noteWords(noteId) }));
      } else if (intent.kind === "toggle-select-group" || intent.kind === "rename-group") {
        const groupId = state?.notes[noteId]?.groupId;
        if (!groupId) return setAnnouncement(t("announce.notInGroup"));
        if (intent.kind === "rename-group") {
          renameFrom.current = noteId;
          const input = wallRef.current?.querySelector<HTMLInputElement>(`[data-group-title="${groupId}"]`);
          input?.focus();
          input?.select();
          return;
        }
        const key = `group:${groupId}`;
        const on = !selected.has(key);
        onSelect(key, on);
        // The title as the wall shows it now (a new one may still be on its way to the server).
        const shown = wallRef.current?.querySelector<HTMLInputElement>(`[data-group-title="${groupId}"]`)?.value;
        setAnnouncement(
          t("announce.groupSelected", { on: on ? "yes" : "no", title: shown || groupTitleFor(groupId) || t("group.untitled") }),
        );
      }
    },
    [
      columns,
      order,
      focusNote,
      onMove,
      selected,
      onSelect,
      state?.notes,
      groupTitleFor,
      board.groupNote,
      board.ungroupNote,
      report,
      noteWords,
      t,
    ],
  );

  if (!state) return <p className={tone === "dark" ? "text-white/80" : "text-ink-soft"}>{board.error ?? t("opening")}</p>;
  if (isMapBoard(state.board)) return <MapWall board={board} interactive={interactive} tone={tone} />;
  const dark = tone === "dark";
  const total = Object.keys(state.notes).length;

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
      ref={wallRef}
      aria-labelledby={`wall-${boardId}`}
      className={fitted ? "flex h-full min-h-0 flex-col gap-3" : "space-y-4"}
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
              <span>{t("page", { page: page + 1, pages: layout.pages })}</span>
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
          <p className={dark ? "text-2xl text-white/70" : "text-ink-soft"}>{t("noteCount", { count: total })}</p>
        </div>
      </div>
      {interactive ? (
        <>
          <p id={keysHelpId} className="sr-only">
            {t("keysHelp")}
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
                  ref={columnDrop(column.key)}
                  aria-label={column.title}
                  data-drop={drop?.kind === "move" && drop.edge === "end" && drop.columnKey === column.key ? "end" : undefined}
                  className={`min-w-0 rounded-2xl ${layout ? "overflow-hidden" : "space-y-3 p-4"} ${dark ? "bg-stage-raised" : "bg-paper"}`}
                  style={layout ? { padding: layout.columnPad } : undefined}
                  data-testid="wall-column"
                >
                  {/* Whole, wrapping if need be, with its count: the layout keeps the lines it takes. */}
                  <h3
                    className={`[overflow-wrap:anywhere] ${dark ? "text-2xl font-bold" : "font-bold"}`}
                    style={
                      layout
                        ? {
                            fontSize: layout.headFontPx,
                            lineHeight: layout.lineHeight,
                            minHeight: headTextHeight(layout),
                            marginBottom: layout.headHeight - headTextHeight(layout),
                          }
                        : undefined
                    }
                  >
                    {column.title}{" "}
                    <span className={`whitespace-nowrap ${dark ? "text-white/60" : "text-ink-soft"}`} data-testid="column-count">
                      ({column.notes.length})
                    </span>
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
                            tally={tallies && counts.notes ? (tallies[note.id] ?? 0) : null}
                            moderation={moderate ? { hidden: hiddenTexts[note.id] ?? null, onWithhold } : undefined}
                            fit={fit}
                          />
                        </li>
                      ));
                      if (!segment.groupId) return items;
                      const shortTitle = groupTitleFor(segment.groupId) || t("group.untitledShort");
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
                                  title={groupTitleFor(segment.groupId)}
                                  editable={interactive}
                                  onDone={interactive ? onGroupNamed : undefined}
                                />
                              </div>
                              {tallies && counts.groups ? (
                                <TallyBadge
                                  dots={tallies[segment.groupId] ?? 0}
                                  size={layout ? "fit" : dark ? "wall" : "phone"}
                                />
                              ) : null}
                              {interactive ? (
                                <label className="inline-flex min-h-7 shrink-0 items-center gap-1 rounded bg-white/70 px-2 text-xs font-semibold">
                                  <input
                                    type="checkbox"
                                    // Shift+X on any of its notes ticks it: the wall stays one tab stop.
                                    tabIndex={-1}
                                    // Named as one string: the hidden words after the visible ones would be read "Select group : …".
                                    aria-label={t.markup("selectGroup", { title: shortTitle, sr: (c) => c })}
                                    checked={selected.has(`group:${segment.groupId}`)}
                                    onChange={(e) => onSelect(`group:${segment.groupId}`, e.target.checked)}
                                  />
                                  {t.rich("selectGroup", { title: shortTitle, sr: (c) => <span className="sr-only">{c}</span> })}
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
                    {interactive ? (
                      // Always there, never resized: the "move to the end" line draws over it, so nothing jumps.
                      <li aria-hidden className="relative col-span-full h-0">
                        {drop?.kind === "move" && drop.edge === "end" && drop.columnKey === column.key ? (
                          <span
                            data-testid="drop-indicator"
                            data-drop="end"
                            className="absolute inset-x-0 top-0 h-1 rounded-full bg-brand"
                          >
                            <span className="absolute start-2 -translate-y-1/2 rounded-full bg-brand px-2 py-0.5 text-xs font-bold text-white">
                              {t("willMoveHere")}
                            </span>
                          </span>
                        ) : null}
                      </li>
                    ) : null}
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
