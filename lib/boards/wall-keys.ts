/**
 * The facilitator's wall from the keyboard: which key on a focused note means what. Pure, so the
 * mapping is tested without a browser and the shortcuts list shown on the page is the same table.
 */

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

/** The shortcuts as the page lists them, and as `aria-keyshortcuts` announces them. */
export const wallShortcuts: { keys: string[]; label: string; does: string }[] = [
  { keys: ["ArrowUp", "ArrowDown"], label: "↑ ↓", does: "Go to the note above or below" },
  { keys: ["ArrowLeft", "ArrowRight"], label: "← →", does: "Go to the next column's note" },
  { keys: ["G"], label: "G", does: "Group with the note above (the selected notes join this one, if any are ticked)" },
  { keys: ["U"], label: "U", does: "Take the note out of its group" },
  { keys: ["Alt+ArrowUp", "Alt+ArrowDown"], label: "Alt + ↑ ↓", does: "Move the note up or down" },
  { keys: ["Alt+ArrowLeft", "Alt+ArrowRight"], label: "Alt + ← →", does: "Move the note to the previous or next column" },
  { keys: ["X", "Space"], label: "X or Space", does: "Select the note (to group or carry forward)" },
  { keys: ["Shift+X", "Shift+Space"], label: "Shift + X", does: "Select the note's whole group" },
  { keys: ["R", "F2"], label: "R or F2", does: "Name the note's group; Enter or Escape comes back to the note" },
  { keys: ["Home", "End"], label: "Home / End", does: "First or last note in the column" },
  { keys: ["Tab"], label: "Tab", does: "Reach the note's own buttons; Escape comes back to the note" },
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
