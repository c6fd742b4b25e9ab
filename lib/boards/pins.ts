/**
 * Where a note sits on a map board: x and y as fractions of the map image's width and height,
 * so a pin lands on the same spot of the map on a phone, a laptop and a projector alike.
 * Free of Node APIs: the browser uses these to place pins before the server confirms them.
 */
export type Pin = { x: number; y: number };

/** The board template whose notes are pinned on an uploaded image instead of listed in columns. */
const mapTemplate = "map";

export const isMapBoard = (board: { template: string }) => board.template === mapTemplate;

/** A pin is two finite fractions, each from 0 (left/top edge) to 1 (right/bottom edge). */
export function isPin(value: unknown): value is Pin {
  if (typeof value !== "object" || value === null) return false;
  const { x, y } = value as Record<string, unknown>;
  const fraction = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 1;
  return fraction(x) && fraction(y);
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.5);

/** Kept on the map: a drag that ends past an edge stops at the edge. Rounded so pins stay small on the wire. */
export function clampPin(pin: Pin): Pin {
  const round = (n: number) => Math.round(clamp01(n) * 10000) / 10000;
  return { x: round(pin.x), y: round(pin.y) };
}

/** The pin under a tap or pointer, given where the map image is drawn on the screen. */
export function pinAtPoint(
  rect: { left: number; top: number; width: number; height: number },
  clientX: number,
  clientY: number,
): Pin {
  if (rect.width <= 0 || rect.height <= 0) return { x: 0.5, y: 0.5 };
  return clampPin({ x: (clientX - rect.left) / rect.width, y: (clientY - rect.top) / rect.height });
}

export type PinKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";
export const pinKeys: readonly string[] = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];

/** The keyboard alternative to dragging: an arrow moves a pin 2% of the map, 10% with Shift. */
export function nudgePin(pin: Pin, key: PinKey, big = false): Pin {
  const step = big ? 0.1 : 0.02;
  const dx = key === "ArrowLeft" ? -step : key === "ArrowRight" ? step : 0;
  const dy = key === "ArrowUp" ? -step : key === "ArrowDown" ? step : 0;
  return clampPin({ x: pin.x + dx, y: pin.y + dy });
}

/**
 * Whether a new note's pin suits its board: a note on a map board is written at a point of the
 * map; a board without a map has nowhere to pin. Returns what to tell the person, or null.
 */
export function pinProblem(board: { template: string }, pin: Pin | null | undefined): string | null {
  if (isMapBoard(board)) return pin ? null : "Tap the map where your note belongs first.";
  return pin ? "This board has no map to pin notes on." : null;
}

/** Where a pin is, in words, for screen readers: "a third across, near the top". */
export function describePin(pin: Pin): string {
  const across = pin.x < 0.34 ? "left" : pin.x > 0.66 ? "right" : "centre";
  const down = pin.y < 0.34 ? "top" : pin.y > 0.66 ? "bottom" : "middle";
  return down === "middle" && across === "centre" ? "in the centre of the map" : `${down} ${across} of the map`;
}
