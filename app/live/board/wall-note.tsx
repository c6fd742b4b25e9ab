"use client";

import { memo } from "react";
import { type CardFit, HiddenNoteCard, NoteCard } from "@/app/live/note-card";
import type { HiddenNoteText, WireNote } from "@/lib/realtime/contract";
import { TallyBadge } from "./vote-controls";

export type MoveIntent = "up" | "down" | "left" | "right" | "group-above" | "ungroup";

type Props = {
  note: WireNote;
  interactive: boolean;
  size: "compact" | "wall";
  selected: boolean;
  dropTarget: boolean;
  onSelect?: (noteId: string, selected: boolean) => void;
  onMove?: (noteId: string, intent: MoveIntent) => void;
  onDragStart?: (noteId: string) => void;
  onDropOn?: (noteId: string) => void;
  onDragOverNote?: (noteId: string | null) => void;
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
}: {
  note: WireNote;
  hidden: HiddenNoteText;
  size: "compact" | "wall";
  onWithhold: (noteId: string, withheld: boolean) => void;
}) {
  const label = hidden.text.length > 40 ? `${hidden.text.slice(0, 40)}…` : hidden.text;
  return (
    <div
      data-testid="wall-note"
      data-note-id={note.id}
      data-hidden-from-room="yes"
      className="rounded-xl border-2 border-dashed border-ink-soft/60 p-0.5"
    >
      <NoteCard
        note={{ text: hidden.text, colour: note.colour, authorName: hidden.authorName, photoUrl: hidden.photoUrl }}
        size={size}
        badge={
          <span className="rounded-full bg-ink px-2 py-0.5 font-semibold text-white">
            {note.withheld ? "Hidden from the room by a facilitator" : "Hidden from the room until you reveal the board"}
          </span>
        }
      >
        <div className="mt-2 flex flex-wrap gap-1 text-xs">
          <button
            type="button"
            onClick={() => onWithhold(note.id, !note.withheld)}
            aria-label={`${note.withheld ? "Show to the room" : "Hide from the room"}: ${label}`}
            className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
          >
            {note.withheld ? "Show to the room" : "Hide from the room"}
          </button>
        </div>
      </NoteCard>
    </div>
  );
}

/**
 * A note on the wall. Drag it onto another note to group them, or between notes to move it;
 * the buttons do the same from the keyboard.
 */
export const WallNote = memo(function WallNote(props: Props) {
  const { note, interactive, size } = props;
  if (note.hidden) {
    const hidden = props.moderation?.hidden;
    if (hidden && props.moderation)
      return <ModeratedNote note={note} hidden={hidden} size={size} onWithhold={props.moderation.onWithhold} />;
    return <HiddenNoteCard size={size} withheld={note.withheld} fit={props.fit} />;
  }
  const label = note.text.length > 40 ? `${note.text.slice(0, 40)}…` : note.text;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dragging is the mouse shortcut; the buttons inside are the keyboard way
    <div
      draggable={interactive}
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", note.id);
        e.dataTransfer.effectAllowed = "move";
        props.onDragStart?.(note.id);
      }}
      onDragOver={(e) => {
        if (!interactive) return;
        e.preventDefault();
        props.onDragOverNote?.(note.id);
      }}
      onDragLeave={() => props.onDragOverNote?.(null)}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        props.onDropOn?.(note.id);
      }}
      data-testid="wall-note"
      data-note-id={note.id}
      // The full text of a clamped note on hover (and, through group/note, on focus of its buttons).
      title={interactive && note.text.length > 60 ? note.text : undefined}
      className={`group/note h-full rounded-lg transition ${props.dropTarget ? "ring-4 ring-brand ring-offset-2" : ""} ${interactive ? "cursor-grab active:cursor-grabbing" : ""}`}
    >
      <NoteCard
        note={note}
        size={size}
        fit={props.fit}
        badge={
          <>
            {note.source ? <span className="rounded-full bg-white/70 px-2 py-0.5">From {note.source.boardTitle}</span> : null}
            {typeof props.tally === "number" ? (
              <TallyBadge dots={props.tally} size={props.fit ? "fit" : size === "wall" ? "wall" : "phone"} />
            ) : null}
          </>
        }
      >
        {interactive ? (
          <div className="mt-1.5 flex flex-wrap items-center gap-1 text-[0.6875rem] leading-none">
            {/* Compact, for a wall of a hundred notes; 24 px targets, WCAG 2.2's minimum (2.5.8). */}
            <label className="inline-flex min-h-6 items-center gap-1 rounded bg-white/70 px-1.5 font-semibold">
              <input type="checkbox" checked={props.selected} onChange={(e) => props.onSelect?.(note.id, e.target.checked)} />
              Select<span className="sr-only"> note: {label}</span>
            </label>
            {(
              [
                ["up", "↑", "Move up"],
                ["down", "↓", "Move down"],
                ["left", "←", "Move to the previous column"],
                ["right", "→", "Move to the next column"],
              ] as const
            ).map(([intent, glyph, text]) => (
              <button
                key={intent}
                type="button"
                onClick={() => props.onMove?.(note.id, intent)}
                className="grid min-h-6 min-w-6 place-items-center rounded bg-white/70 font-bold hover:bg-white"
              >
                <span aria-hidden>{glyph}</span>
                <span className="sr-only">
                  {text}: {label}
                </span>
              </button>
            ))}
            {props.canGroupAbove ? (
              <button
                type="button"
                onClick={() => props.onMove?.(note.id, "group-above")}
                className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
                // One name, not two pieces a screen reader joins with a stray space ("Ungroup : …").
                aria-label={`Group with note above: ${label}`}
              >
                Group with note above
              </button>
            ) : null}
            {note.groupId ? (
              <button
                type="button"
                onClick={() => props.onMove?.(note.id, "ungroup")}
                className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
                aria-label={`Ungroup: ${label}`}
              >
                Ungroup
              </button>
            ) : null}
            {props.moderation ? (
              <button
                type="button"
                onClick={() => props.moderation?.onWithhold(note.id, true)}
                className="min-h-6 rounded bg-white/70 px-1.5 font-semibold hover:bg-white"
                aria-label={`Hide from the room: ${label}`}
              >
                Hide from the room
              </button>
            ) : null}
          </div>
        ) : null}
      </NoteCard>
    </div>
  );
});
