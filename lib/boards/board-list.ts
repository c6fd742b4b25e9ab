/**
 * The event's list of boards as a screen keeps it: from the snapshot, then each `board:changed`
 * (a board created, renamed, locked, revealed) folded in. Pure, for the browser and unit tests.
 */
import type { BoardListing, BoardView } from "@/lib/realtime/contract-boards";

/** Plenary boards first, as the server lists them; otherwise in the order they came. */
const plenaryFirst = (list: BoardListing[]) =>
  list.map((b, i) => [b, i] as const).sort(([a, i], [b, j]) => Number(a.teamId !== null) - Number(b.teamId !== null) || i - j);

export function upsertListing(list: BoardListing[], board: BoardView): BoardListing[] {
  const existing = list.find((b) => b.id === board.id);
  // A board:changed carries the team's id, not its name: a board of a known team borrows it.
  const teamName =
    board.teamId === null
      ? null
      : existing?.teamId === board.teamId
        ? existing.teamName
        : (list.find((b) => b.teamId === board.teamId)?.teamName ?? null);
  const next: BoardListing = {
    id: board.id,
    title: board.title,
    ...(board.titleKey ? { titleKey: board.titleKey } : {}),
    teamId: board.teamId,
    teamName,
    template: board.template,
    locked: board.locked,
    hiddenUntilReveal: board.hiddenUntilReveal,
    revealed: board.revealed,
  };
  if (existing) return list.map((b) => (b.id === board.id ? next : b));
  return plenaryFirst([...list, next]).map(([b]) => b);
}

/** The list with each team board named after its team as the teams room has it now (made or renamed since). */
export function withTeamNames<B extends BoardListing>(list: B[], teams: readonly { id: string; name: string }[] | null): B[] {
  if (!teams) return list;
  const names = new Map(teams.map((t) => [t.id, t.name]));
  return list.map((b) => (b.teamId === null ? b : { ...b, teamName: names.get(b.teamId) ?? b.teamName }));
}

/** How a board choice's label is worded: English unless a screen passes its reader's language. */
export type BoardChoiceWords = {
  withTeam: (title: string, team: string) => string;
  numbered: (name: string, n: number, of: number) => string;
};

const englishChoiceWords: BoardChoiceWords = {
  withTeam: (title, team) => `${title} (${team})`,
  numbered: (name, n, of) => `${name} (${n} of ${of})`,
};

/**
 * How each board is named in a list to pick from ("Copy to"): its title and team, and where two
 * would read the same, which of them it is ("Shortlist (2 of 2)"), so nobody copies to the wrong one.
 */
export function boardChoiceLabels(
  list: readonly Pick<BoardListing, "id" | "title" | "teamName">[],
  words: BoardChoiceWords = englishChoiceWords,
): Map<string, string> {
  const base = (b: Pick<BoardListing, "title" | "teamName">) => (b.teamName ? words.withTeam(b.title, b.teamName) : b.title);
  const total = new Map<string, number>();
  for (const b of list) total.set(base(b), (total.get(base(b)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const b of list) {
    const name = base(b);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const of = total.get(name) ?? 1;
    labels.set(b.id, of > 1 ? words.numbered(name, n, of) : name);
  }
  return labels;
}
