/**
 * What a group is called where groups must be told apart: on a phone voting on groups, on its
 * notes' group chips, in the results. A facilitator may leave groups untitled; "Group: untitled"
 * three times over leaves a voter guessing which is which, so an untitled group is called after
 * the first of its notes this screen can read (board order), cut short. Pure: it runs on phones.
 */
import type { ColumnView } from "./board-state";

export type GroupName = { kind: "titled"; title: string } | { kind: "note"; text: string } | { kind: "untitled" };

/** How much of a note may stand for its group: about one line on a phone. */
const longest = 40;

/** The note's words, on one line, cut at a word when longer than a group's name may be. */
export function shortWords(text: string, max = longest): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?–—-]+$/u, "")}…`;
}

/** Each group's name, from its title or its first readable note. */
export function groupNames(groups: Record<string, { title: string }>, columns: readonly ColumnView[]): Map<string, GroupName> {
  const names = new Map<string, GroupName>();
  for (const [id, g] of Object.entries(groups)) {
    if (g.title.trim()) names.set(id, { kind: "titled", title: g.title });
  }
  for (const column of columns) {
    for (const note of column.notes) {
      const id = note.groupId;
      if (id === null || names.has(id) || !groups[id] || note.hidden || !note.text.trim()) continue;
      names.set(id, { kind: "note", text: shortWords(note.text) });
    }
  }
  for (const id of Object.keys(groups)) if (!names.has(id)) names.set(id, { kind: "untitled" });
  return names;
}
