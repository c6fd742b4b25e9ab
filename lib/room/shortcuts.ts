import type { Wall, WallChoice } from "@/lib/realtime/contract";

/**
 * The big screen's keys, for the facilitator standing at the laptop. Listed on the "?" overlay,
 * which says what each does in the screen's language (`screen.shortcuts.does.<action>`): this
 * list holds keys only, and `label` is the key's printed mark, null for Space, whose name is a word
 * (`screen.shortcuts.space`).
 */
export const shortcuts = [
  { key: "j", label: "J", action: "join" },
  { key: "b", label: "B", action: "board" },
  { key: "v", label: "V", action: "votes" },
  { key: "t", label: "T", action: "teams" },
  { key: "a", label: "A", action: "agenda" },
  { key: "m", label: "M", action: "announcement" },
  { key: "r", label: "R", action: "rotate" },
  { key: "p", label: "P", action: "presentations" },
  { key: "arrowright", label: "→", action: "presentation-next" },
  { key: "arrowleft", label: "←", action: "presentation-previous" },
  { key: "n", label: "N", action: "next-phase" },
  { key: " ", label: null, action: "timer" },
  { key: "+", label: "+", action: "add-minute" },
  { key: "0", label: "0", action: "reset-timer" },
  { key: "f", label: "F", action: "fullscreen" },
  { key: "l", label: "L", action: "theme" },
  { key: "?", label: "?", action: "help" },
] as const;

export type ShortcutAction = (typeof shortcuts)[number]["action"] | "close";

/** The action of a key, whatever the case; "=" is "+" without Shift. */
export function shortcutFor(key: string): ShortcutAction | null {
  if (key === "Escape") return "close";
  // A presentation clicker sends Page Down / Page Up.
  const k = key === "=" ? "+" : key === "PageDown" ? "arrowright" : key === "PageUp" ? "arrowleft" : key.toLowerCase();
  return shortcuts.find((s) => s.key === k)?.action ?? null;
}

/** What a key press reaches: the element with focus. */
export type KeyTarget = { tagName: string; isContentEditable?: boolean } | null;

const typedInto = ["INPUT", "TEXTAREA", "SELECT"];
const pressedBy = ["BUTTON", "A"];

/**
 * The big screen's action for a key press, or null when the key is not the screen's: typing in a
 * field; Space or Enter on a focused button or link, which presses it (a Space that also paused
 * the room's timer would change every screen in the room); any key but "?" and Escape while the
 * list of keys is open, which is read, not acted on.
 */
export function screenShortcut(key: string, target: KeyTarget, listOpen: boolean): ShortcutAction | null {
  if (target && (target.isContentEditable || typedInto.includes(target.tagName))) return null;
  if ((key === " " || key === "Enter") && target && pressedBy.includes(target.tagName)) return null;
  const action = shortcutFor(key);
  if (listOpen && action !== "help" && action !== "close") return null;
  return action;
}

/**
 * Which board B or V shows: pressed on a board (or its votes) it moves to the next board, so a
 * facilitator can step through them; otherwise it starts with the first.
 */
export function nextBoardWall(kind: "board" | "votes", current: Wall, boards: readonly { id: string }[]): WallChoice | null {
  if (boards.length === 0) return null;
  const currentId = current.kind === "board" || current.kind === "votes" ? current.boardId : null;
  const i = currentId ? boards.findIndex((b) => b.id === currentId) : -1;
  const stay = currentId !== null && current.kind !== kind && i >= 0;
  const board = stay ? boards[i] : boards[(i + 1) % boards.length];
  return board ? { kind, boardId: board.id } : null;
}
