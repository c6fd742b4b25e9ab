import type { Wall, WallChoice } from "@/lib/realtime/contract";

/** The big screen's keys, for the facilitator standing at the laptop. Listed on the "?" overlay. */
export const shortcuts = [
  { key: "j", label: "J", action: "join", does: "How to join (QR code)" },
  { key: "b", label: "B", action: "board", does: "A board (press again for the next)" },
  { key: "v", label: "V", action: "votes", does: "Vote results of a board" },
  { key: "t", label: "T", action: "teams", does: "The teams" },
  { key: "a", label: "A", action: "agenda", does: "The agenda" },
  { key: "m", label: "M", action: "announcement", does: "The latest announcement" },
  { key: "r", label: "R", action: "rotate", does: "Team boards in turn" },
  { key: "p", label: "P", action: "presentations", does: "Presentations: the team on now" },
  { key: "arrowright", label: "→", action: "presentation-next", does: "Presentations: next (also Page Down)" },
  { key: "arrowleft", label: "←", action: "presentation-previous", does: "Presentations: back a team (also Page Up)" },
  { key: "n", label: "N", action: "next-phase", does: "Start the next phase" },
  { key: " ", label: "Space", action: "timer", does: "Start or pause the timer (the presenter's clock during presentations)" },
  { key: "+", label: "+", action: "add-minute", does: "Add a minute to the timer" },
  { key: "0", label: "0", action: "reset-timer", does: "Reset the timer" },
  { key: "f", label: "F", action: "fullscreen", does: "Full screen on or off" },
  { key: "l", label: "L", action: "theme", does: "Light or dark theme" },
  { key: "?", label: "?", action: "help", does: "Show or hide this list" },
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
