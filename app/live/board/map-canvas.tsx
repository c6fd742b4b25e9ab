"use client";

import { useTranslations } from "next-intl";
import { memo, useCallback, useRef, useState } from "react";
import { noteColourClass } from "@/app/live/note-card";
import { nudgePin, type Pin, type PinKey, pinAtPoint, pinKeys } from "@/lib/boards/pins";
import { imageSrcSet } from "@/lib/files/image-sizes";
import type { WireNote } from "@/lib/realtime/contract";
import { pinPlace } from "./pin-place";

/** A note on the map, with the number its pin shows (the same number on every screen). */
export type MapNote = { note: WireNote; number: number };

/** Notes that have a pin, numbered in the order they were written. */
export function numberedPins(notes: WireNote[]): MapNote[] {
  return notes.filter((n) => !n.hidden && n.pin).map((note, i) => ({ note, number: i + 1 }));
}

type Size = "phone" | "desk" | "wall";

const marker: Record<Size, string> = {
  phone: "h-8 w-8 text-sm",
  desk: "h-9 w-9 text-base",
  wall: "h-12 w-12 text-2xl",
};
const label: Record<Size, string> = {
  phone: "",
  desk: "max-w-56 px-2 py-1 text-sm",
  wall: "max-w-[26rem] px-4 py-2 text-2xl leading-snug",
};

// On a laptop and a projector the whole map fits the screen's height, so every pin is in view.
const imageSize: Record<Size, string> = {
  phone: "h-auto w-full",
  desk: "h-auto max-h-[70dvh] w-auto max-w-full",
  wall: "h-auto max-h-[calc(100dvh-var(--map-reserve,17rem))] w-auto max-w-full",
};

/**
 * On a projector the map fills the screen: as wide as the wall, or as tall as the screen less
 * what is around it (`--map-reserve`), whichever comes first, at the image's own proportions,
 * whatever its natural size. Pins are in fractions of this frame, so they stay on their spots.
 */
const wallFrame = (aspect: number) => ({
  width: `min(100%, calc((100dvh - var(--map-reserve, 17rem)) * ${aspect}))`,
});

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** One pin: a numbered marker whose point is the spot, and on a laptop or projector the note beside it. */
const PinMark = memo(function PinMark({
  entry,
  size,
  selected,
  interactive,
  onPointerDown,
  onKeyDown,
  onFocus,
}: {
  entry: MapNote;
  size: Size;
  selected: boolean;
  interactive: boolean;
  onPointerDown?: (e: React.PointerEvent<HTMLButtonElement>, noteId: string) => void;
  onKeyDown?: (e: React.KeyboardEvent<HTMLButtonElement>, entry: MapNote) => void;
  onFocus?: (noteId: string) => void;
}) {
  const t = useTranslations("board");
  const { note, number } = entry;
  const pin = note.pin as Pin;
  const place = t(`place.${pinPlace(pin)}`);
  // Labels lean away from the nearer edge so a note near the right of the map stays on it.
  const flip = pin.x > 0.6;
  const circle = `grid shrink-0 place-items-center rounded-full border-[3px] border-white font-extrabold text-white shadow-[0_2px_6px_rgb(0_0_0/0.45)] ${selected ? "bg-coral ring-4 ring-sun" : "bg-ink"} ${marker[size]}`;
  const text =
    size === "phone" ? null : (
      <span
        className={`${noteColourClass[note.colour]} rounded-md font-semibold text-ink shadow-[0_2px_6px_rgb(0_0_0/0.35)] ${label[size]} whitespace-pre-wrap break-words`}
      >
        {short(note.text, size === "wall" ? 120 : 60)}
      </span>
    );
  const style = { left: `${pin.x * 100}%`, top: `${pin.y * 100}%` };
  const placement = `absolute z-10 flex items-center gap-2 ${flip ? "flex-row-reverse" : ""}`;
  // The marker's centre sits on the spot, whichever side the label is on.
  const shift = size === "wall" ? "1.5rem" : size === "desk" ? "1.125rem" : "1rem";
  const transform = { transform: `translate(${flip ? `calc(-100% + ${shift})` : `-${shift}`}, -50%)` };

  if (!interactive) {
    return (
      <li className={placement} style={{ ...style, ...transform }} data-testid="map-pin" data-pin-x={pin.x} data-pin-y={pin.y}>
        <span className={circle} aria-hidden>
          {number}
        </span>
        {text}
        <span className="sr-only">{t("map.pinDescription", { number, place, text: note.text })}</span>
      </li>
    );
  }
  return (
    <li className={placement} style={{ ...style, ...transform }} data-testid="map-pin" data-pin-x={pin.x} data-pin-y={pin.y}>
      <button
        type="button"
        className={`${circle} cursor-grab touch-none active:cursor-grabbing`}
        aria-label={t("map.pinButton", { number, text: short(note.text, 60), place })}
        aria-pressed={selected}
        onPointerDown={(e) => onPointerDown?.(e, note.id)}
        onKeyDown={(e) => onKeyDown?.(e, entry)}
        onFocus={() => onFocus?.(note.id)}
      >
        {number}
      </button>
      {text}
    </li>
  );
});

type Props = {
  mapUrl: string;
  pins: MapNote[];
  size: Size;
  /** Laptop: pins are dragged, or selected and moved with the arrow keys. */
  onPinMove?: (noteId: string, pin: Pin) => void;
  /** Phone: tapping the map chooses where the next note goes. */
  draft?: Pin | null;
  onChooseSpot?: (pin: Pin) => void;
  className?: string;
};

/**
 * The map with its pins. Pins are placed in fractions of the drawn image, so the same note
 * lands on the same spot on any screen size.
 */
export function MapCanvas({ mapUrl, pins, size, onPinMove, draft, onChooseSpot, className = "" }: Props) {
  const t = useTranslations("board");
  const frame = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<{ id: string; pin: Pin } | null>(null);
  const interactive = Boolean(onPinMove);
  // The image's proportions, once it has loaded: the projector then scales it to fill the wall.
  const [aspect, setAspect] = useState<number | null>(null);
  const readAspect = useCallback((img: HTMLImageElement | null) => {
    if (img?.naturalWidth && img.naturalHeight) setAspect(img.naturalWidth / img.naturalHeight);
  }, []);
  const fills = size === "wall" && aspect !== null;

  const pinFor = (clientX: number, clientY: number) => {
    const rect = frame.current?.getBoundingClientRect();
    return rect ? pinAtPoint(rect, clientX, clientY) : { x: 0.5, y: 0.5 };
  };

  const onPointerDown = (e: React.PointerEvent<HTMLButtonElement>, noteId: string) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setSelected(noteId);
    const start = { x: e.clientX, y: e.clientY };
    let last: Pin | null = null;
    const target = e.currentTarget;
    const move = (ev: PointerEvent) => {
      // A click is not a drag: only a move of a few pixels picks the pin up.
      if (!last && Math.hypot(ev.clientX - start.x, ev.clientY - start.y) < 4) return;
      last = pinFor(ev.clientX, ev.clientY);
      setDragging({ id: noteId, pin: last });
    };
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      target.removeEventListener("pointercancel", up);
      if (last) onPinMove?.(noteId, last);
      setDragging(null);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
    target.addEventListener("pointercancel", up);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLButtonElement>, entry: MapNote) => {
    if (!pinKeys.includes(e.key) || !entry.note.pin) return;
    e.preventDefault();
    setSelected(entry.note.id);
    onPinMove?.(entry.note.id, nudgePin(entry.note.pin, e.key as PinKey, e.shiftKey));
  };

  const shown = dragging
    ? pins.map((p) => (p.note.id === dragging.id ? { ...p, note: { ...p.note, pin: dragging.pin } } : p))
    : pins;

  return (
    <div
      ref={frame}
      className={`relative select-none ${size === "phone" ? "" : fills ? "mx-auto" : "mx-auto w-fit"} ${className}`}
      style={fills ? wallFrame(aspect) : undefined}
      data-testid="map"
    >
      {/* biome-ignore lint/performance/noImgElement: a private image served by our own route, not a static asset */}
      <img
        src={mapUrl}
        // A phone draws the map across its width and fetches the copy that fits; the console and
        // the projector size it by its own pixels, so they take the image itself.
        srcSet={size === "phone" ? imageSrcSet(mapUrl) : undefined}
        sizes={size === "phone" ? "100vw" : undefined}
        alt={t("map.alt")}
        className={`block rounded-xl ${fills ? "h-auto w-full" : imageSize[size]}`}
        ref={size === "wall" ? readAspect : undefined}
        onLoad={size === "wall" ? (e) => readAspect(e.currentTarget) : undefined}
        draggable={false}
      />
      {onChooseSpot ? (
        <button
          type="button"
          className="absolute inset-0 h-full w-full cursor-crosshair rounded-xl"
          aria-label={draft ? t("map.spotChosen", { place: t(`place.${pinPlace(draft)}`) }) : t("map.spotEmpty")}
          onClick={(e) => onChooseSpot(e.detail === 0 ? (draft ?? { x: 0.5, y: 0.5 }) : pinFor(e.clientX, e.clientY))}
          onKeyDown={(e) => {
            if (!pinKeys.includes(e.key)) return;
            e.preventDefault();
            onChooseSpot(nudgePin(draft ?? { x: 0.5, y: 0.5 }, e.key as PinKey, e.shiftKey));
          }}
          data-testid="map-spot"
        />
      ) : null}
      <ul aria-label={t("map.pinsLabel")} className={onChooseSpot ? "pointer-events-none" : ""}>
        {shown.map((entry) => (
          <PinMark
            key={entry.note.id}
            entry={entry}
            size={size}
            selected={selected === entry.note.id || dragging?.id === entry.note.id}
            interactive={interactive}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
            onFocus={setSelected}
          />
        ))}
      </ul>
      {draft ? (
        <span
          className="pointer-events-none absolute z-20 grid h-10 w-10 -translate-x-1/2 -translate-y-full place-items-end justify-center"
          style={{ left: `${draft.x * 100}%`, top: `${draft.y * 100}%` }}
          data-testid="map-draft"
          aria-hidden
        >
          <svg viewBox="0 0 24 32" className="h-10 w-8 drop-shadow-[0_2px_3px_rgb(0_0_0/0.5)]" aria-hidden>
            <path d="M12 0C5.4 0 0 5.4 0 12c0 9 12 20 12 20s12-11 12-20C24 5.4 18.6 0 12 0z" fill="#c8431d" />
            <circle cx="12" cy="12" r="5" fill="#fff" />
          </svg>
        </span>
      ) : null}
    </div>
  );
}
