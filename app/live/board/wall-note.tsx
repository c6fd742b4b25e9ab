"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, memo, useRef } from "react";
import { type CardFit, HiddenNoteCard, NoteCard } from "@/app/live/note-card";
import type { HiddenNoteText, WireNote } from "@/lib/realtime/contract";
import { useDraggableNote } from "./use-wall-dnd";
import { TallyBadge } from "./vote-controls";

export type MoveIntent = "up" | "down" | "left" | "right" | "group-above" | "ungroup";

type Props = {
  note: WireNote;
  interactive: boolean;
  size: "compact" | "wall";
  selected: boolean;
  onSelect?: (noteId: string, selected: boolean) => void;
  onMove?: (noteId: string, intent: MoveIntent) => void;
  /** Keyboard: the note is the wall's one tab stop (roving tabindex), and its keys go to the wall. */
  keys?: {
    active: boolean;
    onKey: (noteId: string, e: KeyboardEvent<HTMLElement>) => void;
    describedBy: string;
    shortcuts: string;
  };
  /** While a note is dragged: this one is the dragged note ("lifted"), or what dropping on it would do. */
  drag?: { lifted: boolean; drop: "group" | "before" | "after" | null };
  canGroupAbove: boolean;
  /** Dots on this note, when tallies are visible. */
  tally?: number | null;
  /** For staff: what the room can't see of this note, and hiding it from the room or showing it again. */
  moderation?: { hidden: HiddenNoteText | null; onWithhold: (noteId: string, withheld: boolean) => void };
  /** On a projected wall: the card's sizes from the wall's layout. */
  fit?: CardFit;
};

/** Staff's view of a note the room can't read: its text, marked, and the way to show or hide it. */
function ModeratedNote({
  note,
  hidden,
  size,
  onWithhold,
  keys,
}: {
  note: WireNote;
  hidden: HiddenNoteText;
  size: "compact" | "wall";
  onWithhold: (noteId: string, withheld: boolean) => void;
  keys?: Props["keys"];
}) {
  const t = useTranslations("wall.note");
  const label = hidden.text.length > 40 ? `${hidden.text.slice(0, 40)}…` : hidden.text;
  return (
    <div
      {...focusProps(note.id, t("hiddenLabel", { text: label }), t("roleDescription"), keys)}
      data-testid="wall-note"
      data-note-id={note.id}
      data-hidden-from-room="yes"
      className="rounded-xl border-2 border-dashed border-ink-soft/60 p-0.5 focus-visible:outline-4 focus-visible:-outline-offset-4 focus-visible:outline-brand"
    >
      <NoteCard
        note={{ text: hidden.text, colour: note.colour, authorName: hidden.authorName, photoUrl: hidden.photoUrl }}
        size={size}
        badge={
          <span className="rounded-full bg-ink px-2 py-0.5 font-semibold text-white">
            {note.withheld ? t("withheld") : t("hiddenUntilReveal")}
          </span>
        }
      >
        <div className="mt-2 flex flex-wrap gap-1 text-xs">
          <button
            type="button"
            tabIndex={keys && !keys.active ? -1 : undefined}
            onClick={() => onWithhold(note.id, !note.withheld)}
            aria-label={note.withheld ? t("showLabel", { text: label }) : t("hideLabel", { text: label })}
            className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
          >
            {note.withheld ? t("show") : t("hide")}
          </button>
        </div>
      </NoteCard>
    </div>
  );
}

/** A note as the wall's tab stop: focusable, named by its words, with its shortcuts announced. */
function focusProps(noteId: string, label: string, roleDescription: string, keys: Props["keys"]) {
  if (!keys) return {};
  return {
    role: "group",
    "aria-roledescription": roleDescription,
    "aria-label": label,
    "aria-describedby": keys.describedBy,
    "aria-keyshortcuts": keys.shortcuts,
    tabIndex: keys.active ? 0 : -1,
    "data-wall-focus": noteId,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => keys.onKey(noteId, e),
  } as const;
}

/**
 * With a mouse, a laptop's note is its words: its buttons lie unseen over its foot and show when
 * the pointer is on the note or focus on one of them, so a hundred notes fit a screen and nothing
 * moves as a note is pointed at or picked up. They stay in the page (a screen reader finds them, a
 * click on them lands), and on a touch screen, where nothing hovers, they always show. The card
 * is at least as tall as their two rows, so they never stick out of it.
 */
const toolsOnHover =
  "pointer-fine:absolute pointer-fine:inset-x-1.5 pointer-fine:bottom-1.5 pointer-fine:z-10 pointer-fine:mt-0 " +
  "pointer-fine:rounded-md pointer-fine:bg-white/90 pointer-fine:p-0.5 pointer-fine:shadow-sm pointer-fine:opacity-0 " +
  "pointer-fine:group-hover/note:opacity-100 pointer-fine:focus-within:opacity-100";

/** Where a drop would land, drawn over the note so nothing below it moves. */
function DropMark({ drop }: { drop: "group" | "before" | "after" }) {
  const t = useTranslations("wall");
  if (drop === "group")
    return (
      <span
        data-testid="drop-indicator"
        data-drop="group"
        className="pointer-events-none absolute inset-x-2 top-1/2 z-10 -translate-y-1/2 rounded-full bg-brand px-3 py-1 text-center text-sm font-bold text-white shadow-lg"
      >
        {t("willGroup")}
      </span>
    );
  return (
    <span
      data-testid="drop-indicator"
      data-drop={drop}
      className={`pointer-events-none absolute inset-x-0 z-10 h-1 rounded-full bg-brand ${drop === "before" ? "top-0" : "bottom-0"}`}
    >
      <span
        className={`absolute end-2 rounded-full bg-brand px-2 py-0.5 text-xs font-bold text-white ${drop === "before" ? "top-0" : "bottom-0"}`}
      >
        {t("willMoveHere")}
      </span>
    </span>
  );
}

/**
 * A note on the wall. Drag it onto another note's middle to group them, or onto an edge to move it;
 * from the keyboard the note is one tab stop whose keys (and buttons) do the same.
 */
export const WallNote = memo(function WallNote(props: Props) {
  const { note, interactive, size } = props;
  const t = useTranslations("wall.note");
  const ref = useRef<HTMLDivElement>(null);
  useDraggableNote(ref, note.id, interactive && !note.hidden);
  if (note.hidden) {
    const hidden = props.moderation?.hidden;
    if (hidden && props.moderation)
      return <ModeratedNote note={note} hidden={hidden} size={size} onWithhold={props.moderation.onWithhold} keys={props.keys} />;
    return <HiddenNoteCard size={size} withheld={note.withheld} fit={props.fit} />;
  }
  const label = note.text.length > 40 ? `${note.text.slice(0, 40)}…` : note.text;
  // Buttons inside a note are reached by Tab only from that note, so the wall stays one tab stop.
  const inner = props.keys && !props.keys.active ? -1 : undefined;
  const drop = props.drag?.drop ?? null;
  return (
    <div
      ref={ref}
      {...focusProps(
        note.id,
        t("label", { text: label, grouped: note.groupId ? "yes" : "no", selected: props.selected ? "yes" : "no" }),
        t("roleDescription"),
        props.keys,
      )}
      data-testid="wall-note"
      data-note-id={note.id}
      data-dragging={props.drag?.lifted ? "yes" : undefined}
      // The full text on hover: a long note is clamped, and with a mouse its buttons cover its foot.
      title={interactive ? note.text : undefined}
      className={`group/note relative h-full rounded-lg transition focus-visible:outline-4 focus-visible:-outline-offset-4 focus-visible:outline-brand ${drop === "group" ? "outline-4 -outline-offset-4 outline-brand" : ""} ${props.drag?.lifted ? "opacity-50" : ""} ${interactive ? "cursor-grab active:cursor-grabbing" : ""} ${props.selected ? "outline-dashed outline-[3px] -outline-offset-[3px] outline-brand" : ""} ${interactive && size === "compact" ? "grid pointer-fine:min-h-[4.5rem]" : ""}`}
      data-selected={props.selected ? "yes" : undefined}
    >
      {drop ? <DropMark drop={drop} /> : null}
      {props.selected ? (
        // Seen without the note's tick, which shows only on hover with a mouse; its name says "(selected)".
        <span
          aria-hidden
          className="pointer-events-none absolute end-1 top-1 z-10 grid h-6 w-6 place-items-center rounded-full bg-brand text-sm font-bold text-white shadow"
        >
          ✓
        </span>
      ) : null}
      <NoteCard
        note={note}
        size={size}
        fit={props.fit}
        badge={
          <>
            {note.source ? (
              <span className="rounded-full bg-white/70 px-2 py-0.5">{t("from", { board: note.source.boardTitle })}</span>
            ) : null}
            {typeof props.tally === "number" ? (
              <TallyBadge dots={props.tally} size={props.fit ? "fit" : size === "wall" ? "wall" : "phone"} />
            ) : null}
          </>
        }
      >
        {interactive ? (
          <div
            data-testid="note-tools"
            className={`mt-1.5 flex flex-wrap items-center gap-1 text-[0.6875rem] leading-none ${size === "compact" ? toolsOnHover : ""}`}
          >
            {/* Compact, for a wall of a hundred notes; 24 px targets, WCAG 2.2's minimum (2.5.8). */}
            <label className="inline-flex min-h-6 items-center gap-1 rounded bg-white/70 px-1.5 font-semibold">
              <input
                type="checkbox"
                tabIndex={inner}
                checked={props.selected}
                onChange={(e) => props.onSelect?.(note.id, e.target.checked)}
              />
              {t.rich("select", { text: label, sr: (c) => <span className="sr-only">{c}</span> })}
            </label>
            {(
              [
                ["up", "↑", "moveUp"],
                ["down", "↓", "moveDown"],
                ["left", "←", "moveLeft"],
                ["right", "→", "moveRight"],
              ] as const
            ).map(([intent, glyph, key]) => (
              <button
                key={intent}
                type="button"
                tabIndex={inner}
                onClick={() => props.onMove?.(note.id, intent)}
                className="grid min-h-6 min-w-6 place-items-center rounded bg-white/70 font-bold hover:bg-white"
              >
                <span aria-hidden>{glyph}</span>
                <span className="sr-only">{t(key, { text: label })}</span>
              </button>
            ))}
            {props.canGroupAbove ? (
              <button
                type="button"
                tabIndex={inner}
                onClick={() => props.onMove?.(note.id, "group-above")}
                className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
                // One name, not two pieces a screen reader joins with a stray space ("Ungroup : …").
                aria-label={t("groupLabel", { text: label })}
                title={t("groupTitle")}
              >
                <span aria-hidden>↥ </span>
                {t("group")}
              </button>
            ) : null}
            {note.groupId ? (
              <button
                type="button"
                tabIndex={inner}
                onClick={() => props.onMove?.(note.id, "ungroup")}
                className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
                aria-label={t("ungroupLabel", { text: label })}
              >
                {t("ungroup")}
              </button>
            ) : null}
            {props.moderation ? (
              <button
                type="button"
                tabIndex={inner}
                onClick={() => props.moderation?.onWithhold(note.id, true)}
                className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
                aria-label={t("hideLabel", { text: label })}
                title={t("hide")}
              >
                {t("hideShort")}
              </button>
            ) : null}
          </div>
        ) : null}
      </NoteCard>
    </div>
  );
});
