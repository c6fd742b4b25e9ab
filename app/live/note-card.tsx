import { useTranslations } from "next-intl";
import { memo } from "react";
import { useShownName } from "@/app/ui/shown-name";
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

/** How wide a note's photo is drawn, so a phone fetches the copy that fits (lib/files/image-sizes.ts). */
const photoSizes = {
  phone: "(min-width: 40rem) 24rem, 100vw",
  wall: "(min-width: 64rem) 25vw, 50vw",
  compact: "(min-width: 40rem) 16rem, 50vw",
} as const;

/** A sticky note. Memoised: on a board of hundreds, a change redraws only the notes it touched. */
export const NoteCard = memo(function NoteCard({
  note: { text, colour, authorName = null, photoUrl = null },
  badge,
  size = "phone",
  lines,
  fit,
  children,
}: {
  note: NoteFace;
  badge?: React.ReactNode;
  size?: "phone" | "wall" | "compact";
  /**
   * Where a card has a set height (the join wall's latest notes): the text is cut to this many
   * whole lines and ends in an ellipsis, the photo is a small square beside it, the author one line.
   */
  lines?: number;
  /** On a projected wall: the sizes lib/boards/wall-layout.ts chose, the text clamped to its lines. */
  fit?: CardFit;
  children?: React.ReactNode;
}) {
  const t = useTranslations("notes");
  const shownName = useShownName();
  const author = authorName === null ? null : shownName(authorName);
  if (fit) return <FittedCard text={text} colour={colour} author={author} photoUrl={photoUrl} badge={badge} fit={fit} />;
  const padding =
    size === "wall" ? "p-5 text-2xl leading-snug" : size === "compact" ? "p-2 text-[0.9rem] leading-snug" : "p-4 text-base";
  return (
    <div
      className={`${noteColourClass[colour]} rounded-lg shadow-[0_2px_0_rgb(31_29_43/0.12),0_6px_14px_rgb(31_29_43/0.08)] ${padding}`}
    >
      {lines ? (
        <div className="flex gap-[0.5em]">
          {photoUrl ? (
            // biome-ignore lint/performance/noImgElement: a private photo served by our own route, not a static asset
            <img
              src={`${photoUrl}?w=${imageWidths[0]}`}
              alt={t("photoAlt")}
              loading="lazy"
              className="aspect-square shrink-0 rounded-md object-cover"
              style={{ height: `${lines}lh` }}
            />
          ) : null}
          <p
            dir="auto"
            className="min-w-0 whitespace-pre-wrap font-medium text-ink [overflow-wrap:anywhere]"
            style={{ display: "-webkit-box", WebkitBoxOrient: "vertical", WebkitLineClamp: lines, overflow: "hidden" }}
            data-testid="note-text"
          >
            {text}
          </p>
        </div>
      ) : (
        <>
          {photoUrl ? (
            // biome-ignore lint/performance/noImgElement: a private photo served by our own route, not a static asset
            <img
              src={`${photoUrl}?w=${imageWidths[1]}`}
              srcSet={imageSrcSet(photoUrl)}
              sizes={photoSizes[size]}
              alt={t("photoAlt")}
              loading="lazy"
              className="mb-2 max-h-64 w-full rounded-md object-cover"
            />
          ) : null}
          <p
            dir="auto"
            className={`whitespace-pre-wrap font-medium text-ink [overflow-wrap:anywhere] ${size === "compact" ? "line-clamp-4 group-focus-within/note:line-clamp-none group-hover/note:line-clamp-none" : ""}`}
          >
            {text}
          </p>
        </>
      )}
      {author || badge ? (
        <p
          className={`mt-2 flex items-center gap-2 text-ink-soft ${lines ? "overflow-hidden whitespace-nowrap" : "flex-wrap"} ${size === "wall" ? "text-lg" : "text-sm"}`}
        >
          {author ? <bdi className={lines ? "truncate" : undefined}>{author}</bdi> : null}
          {badge}
        </p>
      ) : null}
      {children}
    </div>
  );
});

/** A card's sizes on a projected wall, in px (lib/boards/wall-layout.ts). */
export type CardFit = {
  fontPx: number;
  lineHeight: number;
  lines: number;
  padX: number;
  padY: number;
  /** The author's and dots' line: 0 when the wall has no room for it. */
  metaPx: number;
  height: number;
};

/**
 * A note on a projected wall: a fixed-size card, so the wall's arithmetic holds; a long text
 * ends in an ellipsis instead of running over the next card, a photo is a small square.
 */
function FittedCard({
  text,
  colour,
  author,
  photoUrl,
  badge,
  fit,
}: {
  text: string;
  colour: NoteColour;
  author: string | null;
  photoUrl: string | null;
  badge?: React.ReactNode;
  fit: CardFit;
}) {
  const t = useTranslations("notes");
  const textHeight = Math.ceil(fit.lines * fit.fontPx * fit.lineHeight);
  return (
    <div
      className={`${noteColourClass[colour]} flex flex-col overflow-hidden rounded-lg shadow-[0_2px_0_rgb(31_29_43/0.12)]`}
      style={{ height: fit.height, padding: `${fit.padY}px ${fit.padX}px` }}
    >
      <div className="flex min-h-0 gap-[0.4em]" style={{ fontSize: fit.fontPx, lineHeight: fit.lineHeight, height: textHeight }}>
        {photoUrl ? (
          // biome-ignore lint/performance/noImgElement: a private photo served by our own route, not a static asset
          <img
            src={`${photoUrl}?w=${imageWidths[0]}`}
            alt={t("photoAlt")}
            loading="lazy"
            // At most a third of the card's width: a tall card for a long note keeps its room for the text (lib/boards/wall-layout.ts).
            className="aspect-square h-full max-w-[33%] shrink-0 rounded object-cover"
          />
        ) : null}
        <p
          className="min-w-0 break-words font-semibold text-ink [overflow-wrap:anywhere]"
          style={{ display: "-webkit-box", WebkitBoxOrient: "vertical", WebkitLineClamp: fit.lines, overflow: "hidden" }}
          data-testid="wall-note-text"
        >
          {text}
        </p>
      </div>
      {fit.metaPx > 0 && (author || badge) ? (
        <p
          className="mt-auto flex min-w-0 items-center gap-[0.4em] overflow-hidden whitespace-nowrap text-ink-soft"
          style={{ fontSize: fit.metaPx, lineHeight: fit.lineHeight }}
        >
          {badge}
          {author ? <bdi className="truncate">{author}</bdi> : null}
        </p>
      ) : null}
    </div>
  );
}

/** A note the room can't read: hidden until the reveal, or hidden by a facilitator (moderation). */
export function HiddenNoteCard({
  size = "phone",
  withheld = false,
  fit,
}: {
  size?: "phone" | "wall" | "compact";
  withheld?: boolean;
  fit?: CardFit;
}) {
  const t = useTranslations("notes");
  return (
    <div
      style={
        fit
          ? { height: fit.height, padding: `${fit.padY}px ${fit.padX}px`, fontSize: fit.fontPx * 0.8, overflow: "hidden" }
          : undefined
      }
      className={`rounded-lg border-2 border-dashed border-ink-soft/40 bg-white/60 text-ink-soft ${size === "wall" ? "p-5 text-xl" : "p-3 text-sm"}`}
    >
      {withheld ? t("withheld") : t("hiddenUntilReveal")}
    </div>
  );
}
