/**
 * Why someone still in an event is kept out of it for now, read from the event's status:
 * - `closed`: it was taken back to draft, which is private to its staff until it is published again;
 * - `finished`: it was archived, the weekend is over.
 * Either way they are still themselves (their cookie holds), and back in, as they were, if it is
 * published again. A published event keeps nobody out: null.
 */
export type HeldOut = "closed" | "finished";

export function heldOutBy(eventStatus: string): HeldOut | null {
  if (eventStatus === "draft") return "closed";
  if (eventStatus === "archived") return "finished";
  return null;
}
