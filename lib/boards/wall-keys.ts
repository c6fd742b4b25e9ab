/**
 * The facilitator's wall from the keyboard: which key on a focused note means what. Pure, so the
 * mapping is tested without a browser and the shortcuts list shown on the page is the same table.
 */

import type englishWall from "@/messages/en-GB/wall.json";

export type WallDirection = "up" | "down" | "left" | "right";

export type WallKeyIntent =
  | { kind: "focus"; to: WallDirection | "first" | "last" }
  | { kind: "move"; direction: WallDirection }
  | { kind: "group-above" }
  | { kind: "ungroup" }
  | { kind: "toggle-select" }
  | { kind: "toggle-select-group" }
  | { kind: "rename-group" }
  | { kind: "leave-buttons" };

export type WallKey = { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean };

const arrows: Record<string, WallDirection> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

/** What a key pressed on a focused note asks for, or null: the browser keeps the key (Tab, Ctrl+F, …). */
export function wallKeyIntent(e: WallKey): WallKeyIntent | null {
  if (e.ctrlKey || e.metaKey) return null;
  const direction = arrows[e.key];
  if (direction) return e.altKey || e.shiftKey ? { kind: "move", direction } : { kind: "focus", to: direction };
  if (e.altKey) return null;
  // The note's group, from the note: the group's title and tick are not tab stops of their own.
  if (e.shiftKey && (e.key === "x" || e.key === "X" || e.key === " ")) return { kind: "toggle-select-group" };
  switch (e.key) {
    case "Home":
      return { kind: "focus", to: "first" };
    case "End":
      return { kind: "focus", to: "last" };
    case "g":
    case "G":
      return { kind: "group-above" };
    case "u":
    case "U":
      return { kind: "ungroup" };
    case "x":
    case "X":
    case " ":
      return { kind: "toggle-select" };
    case "r":
    case "R":
    case "F2":
      return { kind: "rename-group" };
    case "Escape":
      return { kind: "leave-buttons" };
    default:
      return null;
  }
}

/**
 * A shortcut's words: its key's printed name and what it does, `wall.shortcuts.label.<words>` and
 * `wall.shortcuts.does.<words>` in each language's catalogue. Typed from the English catalogue, so
 * a shortcut without words does not compile; the catalogue test holds every language to English's keys.
 */
export type WallShortcutWords = keyof (typeof englishWall)["shortcuts"]["does"] &
  keyof (typeof englishWall)["shortcuts"]["label"];

/**
 * The shortcuts as the page lists them, and as `aria-keyshortcuts` announces them: keys only, the
 * words in the catalogue (a list that held English would show it on a French laptop).
 */
export const wallShortcuts: readonly { keys: readonly string[]; words: WallShortcutWords }[] = [
  { keys: ["ArrowUp", "ArrowDown"], words: "upDown" },
  { keys: ["ArrowLeft", "ArrowRight"], words: "leftRight" },
  { keys: ["G"], words: "group" },
  { keys: ["U"], words: "ungroup" },
  { keys: ["Alt+ArrowUp", "Alt+ArrowDown"], words: "moveUpDown" },
  { keys: ["Alt+ArrowLeft", "Alt+ArrowRight"], words: "moveLeftRight" },
  { keys: ["X", "Space"], words: "select" },
  { keys: ["Shift+X", "Shift+Space"], words: "selectGroup" },
  { keys: ["R", "F2"], words: "rename" },
  { keys: ["Home", "End"], words: "homeEnd" },
  { keys: ["Tab"], words: "tab" },
];

export const wallKeyShortcuts = wallShortcuts
  .filter((s) => s.keys[0] !== "Tab")
  .flatMap((s) => s.keys)
  .join(" ");

/**
 * Where focus goes from a note: `columns` lists each column's notes in the order drawn (a group's notes
 * together). Left and right keep the row where they can, and skip empty columns.
 */
export function neighbourNote(columns: readonly (readonly string[])[], noteId: string, to: WallDirection | "first" | "last") {
  const ci = columns.findIndex((c) => c.includes(noteId));
  const column = columns[ci];
  if (!column) return null;
  const i = column.indexOf(noteId);
  if (to === "up") return column[i - 1] ?? null;
  if (to === "down") return column[i + 1] ?? null;
  if (to === "first") return column[0] ?? null;
  if (to === "last") return column[column.length - 1] ?? null;
  const step = to === "left" ? -1 : 1;
  for (let c = ci + step; c >= 0 && c < columns.length; c += step) {
    const other = columns[c];
    if (other && other.length > 0) return other[Math.min(i, other.length - 1)] ?? null;
  }
  return null;
}
