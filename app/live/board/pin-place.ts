import type { Pin } from "@/lib/boards/pins";

/**
 * Where a pin sits, as a key of the `board.place` messages: the nine areas of
 * describePin (lib/boards/pins.ts), with the same thirds, so every language names the same spot.
 */
export function pinPlace(pin: Pin) {
  const across = pin.x < 0.34 ? "Left" : pin.x > 0.66 ? "Right" : "Centre";
  const down = pin.y < 0.34 ? "top" : pin.y > 0.66 ? "bottom" : "middle";
  if (down === "middle" && across === "Centre") return "centre" as const;
  return `${down}${across}` as Exclude<`${typeof down}${typeof across}`, "middleCentre">;
}
