import { memo } from "react";
import { imageSrcSet, imageWidths } from "@/lib/files/image-sizes";
import type { NoteColour, WireNote } from "@/lib/realtime/contract";

/** What a card draws of a note: a note on the wire, or one still waiting in the outbox (text and colour). */
export type NoteFace = Pick<WireNote, "text" | "colour"> & Partial<Pick<WireNote, "authorName" | "photoUrl">>;

export const noteColourClass: Record<NoteColour, string> = {
  yellow: "bg-note-yellow",
  pink: "bg-note-pink",
  blue: "bg-note-blue",
  green: "bg-note-green",
  orange: "bg-note-orange",
};

export const noteColourNames: Record<NoteColour, string> = {
  yellow: "Yellow",
  pink: "Pink",
  blue: "Blue",
  green: "Green",
  orange: "Orange",
};

/** How wide a note's photo is drawn, so a phone fetches the copy that fits (lib/files/image-sizes.ts). */
const photoSizes = {
  phone: "(min-width: 40rem) 24rem, 100vw",
  wall: "(min-width: 64rem) 25vw, 50vw",
  compact: "(min-width: 40rem) 16rem, 50vw",
} as const;

/** A sticky note. Memoised: on a board of hundreds, a change redraws only the notes it touched. */
export const NoteCard = memo(function NoteCard({
  note: { text, colour, authorName: author = null, photoUrl = null },
  badge,
  size = "phone",
  children,
}: {
  note: NoteFace;
  badge?: React.ReactNode;
  size?: "phone" | "wall" | "compact";
  children?: React.ReactNode;
}) {
  const padding = size === "wall" ? "p-5 text-2xl leading-snug" : size === "compact" ? "p-3 text-[0.95rem]" : "p-4 text-base";
  return (
    <div
      className={`${noteColourClass[colour]} rounded-lg shadow-[0_2px_0_rgb(31_29_43/0.12),0_6px_14px_rgb(31_29_43/0.08)] ${padding}`}
    >
      {photoUrl ? (
        // biome-ignore lint/performance/noImgElement: a private photo served by our own route, not a static asset
        <img
          src={`${photoUrl}?w=${imageWidths[1]}`}
          srcSet={imageSrcSet(photoUrl)}
          sizes={photoSizes[size]}
          alt="Added with this note"
          loading="lazy"
          className="mb-2 max-h-64 w-full rounded-md object-cover"
        />
      ) : null}
      <p className="whitespace-pre-wrap break-words font-medium text-ink">{text}</p>
      {author || badge ? (
        <p className={`mt-2 flex flex-wrap items-center gap-2 text-ink-soft ${size === "wall" ? "text-lg" : "text-sm"}`}>
          {author ? <span>{author}</span> : null}
          {badge}
        </p>
      ) : null}
      {children}
    </div>
  );
});

/** A note the room can't read: hidden until the reveal, or hidden by a facilitator (moderation). */
export function HiddenNoteCard({
  size = "phone",
  withheld = false,
}: {
  size?: "phone" | "wall" | "compact";
  withheld?: boolean;
}) {
  return (
    <div
      className={`rounded-lg border-2 border-dashed border-ink-soft/40 bg-white/60 text-ink-soft ${size === "wall" ? "p-5 text-xl" : "p-3 text-sm"}`}
    >
      {withheld ? "A note hidden by a facilitator" : "A note, hidden until the facilitator reveals the board"}
    </div>
  );
}
