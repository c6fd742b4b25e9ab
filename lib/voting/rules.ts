/**
 * The rules of dot-voting, as pure functions: what a person may do with their dots, and how
 * tallies become a ranking and a shortlist. The database enforces the limits again.
 */

export type RoundRules = {
  status: "open" | "closed" | "revealed";
  dotsPerPerson: number;
  maxPerTarget: number;
  endsAt: number | null;
  /** What takes dots: the refusals name it ("on one group"). Notes when not said. */
  targets?: "notes" | "groups" | "both" | "teams";
};

/** A person's dots in a round: target id → how many dots they put on it. */
export type MyDots = Record<string, number>;

const dotsUsed = (mine: MyDots) => Object.values(mine).reduce((a, b) => a + b, 0);

export type CastRefusal = { code: "conflict"; message: string };

function isOpen(round: RoundRules, now: number) {
  return round.status === "open" && (round.endsAt === null || now < round.endsAt);
}

/** Why a dot can't go on this target now, or null when it can. */
export function refuseCast(round: RoundRules, mine: MyDots, targetId: string, now: number): CastRefusal | null {
  if (!isOpen(round, now)) return { code: "conflict", message: "Voting has closed." };
  if (dotsUsed(mine) >= round.dotsPerPerson)
    return { code: "conflict", message: "You've used all your dots. Take one back to move it." };
  if ((mine[targetId] ?? 0) >= round.maxPerTarget) return { code: "conflict", message: perTargetLimit(round) };
  return null;
}

// Each sentence whole, so that the catalogue (messages/*/errors.json) can say it in every language.
const oneEach = {
  notes: "You can put only one dot on each note.",
  groups: "You can put only one dot on each group.",
  both: "You can put only one dot on each note or group.",
  teams: "You can put only one dot on each team.",
} as const;
const atMost = {
  notes: (max: number) => `You can put at most ${max} dots on one note.`,
  groups: (max: number) => `You can put at most ${max} dots on one group.`,
  both: (max: number) => `You can put at most ${max} dots on one note or group.`,
  teams: (max: number) => `You can put at most ${max} dots on one team.`,
} as const;

const noDotThere = {
  notes: "You have no dot on that note.",
  groups: "You have no dot on that group.",
  both: "You have no dot on that note or group.",
  teams: "You have no dot on that team.",
} as const;

function perTargetLimit(round: RoundRules): string {
  const on = round.targets ?? "notes";
  return round.maxPerTarget === 1 ? oneEach[on] : atMost[on](round.maxPerTarget);
}

export function refuseRetract(round: RoundRules, mine: MyDots, targetId: string, now: number): CastRefusal | null {
  if (!isOpen(round, now)) return { code: "conflict", message: "Voting has closed." };
  if ((mine[targetId] ?? 0) === 0) return { code: "conflict", message: noDotThere[round.targets ?? "notes"] };
  return null;
}

/** The lowest free numbered slot: dots fill slots 0 … dots-1, so a person can never hold more. */
export function freeSlot(usedSlots: number[], dotsPerPerson: number): number | null {
  const used = new Set(usedSlots);
  for (let slot = 0; slot < dotsPerPerson; slot++) if (!used.has(slot)) return slot;
  return null;
}

export type Ranked = { targetId: string; dots: number; rank: number };

/** Most dots first; equal tallies share a rank (1, 2, 2, 4). Targets without dots are left out. */
export function rank(tallies: Record<string, number>): Ranked[] {
  const sorted = Object.entries(tallies)
    .filter(([, dots]) => dots > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  let previous = Number.NaN;
  let currentRank = 0;
  return sorted.map(([targetId, dots], i) => {
    if (dots !== previous) currentRank = i + 1;
    previous = dots;
    return { targetId, dots, rank: currentRank };
  });
}

export type Shortlist = {
  /** Certainly in: ranked strictly above the cut. */
  chosen: string[];
  /** Tied at the cut: the facilitator picks `openPlaces` of these. */
  tied: string[];
  openPlaces: number;
};

/** The top `size`, with a tie at the cut left for the facilitator to break. */
export function shortlist(tallies: Record<string, number>, size: number): Shortlist {
  const ranked = rank(tallies);
  if (ranked.length <= size) return { chosen: ranked.map((r) => r.targetId), tied: [], openPlaces: 0 };
  const cutDots = ranked[size - 1]?.dots ?? 0;
  const above = ranked.filter((r) => r.dots > cutDots).map((r) => r.targetId);
  const atCut = ranked.filter((r) => r.dots === cutDots).map((r) => r.targetId);
  if (above.length + atCut.length === size) return { chosen: [...above, ...atCut], tied: [], openPlaces: 0 };
  return { chosen: above, tied: atCut, openPlaces: size - above.length };
}

/** The facilitator's pick among the tied: exactly the open places, all from the tie. */
export function settleShortlist(list: Shortlist, picked: string[]): string[] | { error: string } {
  if (list.openPlaces === 0) return list.chosen;
  const unique = [...new Set(picked)];
  if (unique.some((id) => !list.tied.includes(id))) return { error: "Pick only among the tied notes." };
  if (unique.length !== list.openPlaces) {
    return { error: `Pick ${list.openPlaces} of the ${list.tied.length} tied notes to fill the shortlist.` };
  }
  return [...list.chosen, ...unique];
}
