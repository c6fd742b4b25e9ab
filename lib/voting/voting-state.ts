/**
 * Dot-voting on a board as every screen holds it: the current round, earlier ones, the tally
 * (batched by the server, the newer kept) and my dots. Pure, for the browser and unit tests.
 */
import { newer } from "@/lib/realtime/client/newest";
import type { RoundView, TallyView, VotingState } from "@/lib/realtime/contract-voting";
import type { RoomReducer } from "@/lib/realtime/rooms";

export type VotesState = {
  round: RoundView | null;
  /** Earlier rounds on this board, newest first. */
  history: RoundView[];
  tally: TallyView | null;
  /** My dots in the current round: target id → dots. */
  mine: Record<string, number>;
};

const sameRound = (a: TallyView, b: TallyView) => a.roundId === b.roundId;

export const votesRoom: RoomReducer<"votes", VotesState> = {
  init: ({ round, history, tally, mine }: VotingState) => ({ round, history, tally, mine }),
  apply(state, e) {
    switch (e.name) {
      case "vote:round-changed": {
        const round = e.data.round;
        if (state.round && state.round.id !== round.id) {
          // A new round: the last one goes into the history, and my dots start again.
          return { ...state, round, history: [state.round, ...state.history], mine: {} };
        }
        return { ...state, round };
      }
      case "vote:dots-returned": {
        if (state.round?.id !== e.data.roundId) return state;
        const gone = new Set(e.data.targetIds);
        const kept = Object.entries(state.mine).filter(([target]) => !gone.has(target));
        return kept.length === Object.keys(state.mine).length ? state : { ...state, mine: Object.fromEntries(kept) };
      }
      case "vote:tallied": {
        const { room: _, ...tally } = e.data;
        return { ...state, tally: newer(state.tally, tally, sameRound) };
      }
    }
  },
};

/**
 * What the tally's counts are of, by the round it belongs to: a vote on groups counts no single
 * note (a screen puts no "0 dots" on each), a vote on notes no group, a vote on teams neither.
 */
export function tallyCounts(state: Pick<VotesState, "round" | "history" | "tally"> | null): TallyCounts {
  const tally = state?.tally;
  if (!state || !tally) return counted.none;
  const round = state.round?.id === tally.roundId ? state.round : state.history.find((r) => r.id === tally.roundId);
  const targets = round?.targets ?? "both";
  return targets === "teams" ? counted.none : counted[targets];
}

type TallyCounts = { readonly notes: boolean; readonly groups: boolean };
// The same object for the same answer: a screen handed it redraws only when it changes.
const counted = {
  none: { notes: false, groups: false },
  notes: { notes: true, groups: false },
  groups: { notes: false, groups: true },
  both: { notes: true, groups: true },
} as const satisfies Record<string, TallyCounts>;

/** My dots after one more (or one fewer) on a target. */
export function changeDots(mine: Record<string, number>, targetId: string, delta: 1 | -1): Record<string, number> {
  const n = (mine[targetId] ?? 0) + delta;
  const { [targetId]: _, ...rest } = mine;
  return n > 0 ? { ...rest, [targetId]: n } : rest;
}

/** The dots I can still spend in the current round (none when no round). */
export function dotsLeft(state: Pick<VotesState, "round" | "mine"> | null): number {
  const round = state?.round;
  if (!round) return 0;
  let used = 0;
  for (const n of Object.values(state.mine)) used += n;
  return Math.max(0, round.dotsPerPerson - used);
}

/**
 * The targets (notes or groups) whose dots a change touched: mine or the room's tally. "all"
 * when the round changed, the tallies were shown or hidden, or the state came or went. A
 * screen that follows each target's dots on its own redraws just these.
 */
export function changedTargets(before: VotesState | null, after: VotesState | null): Set<string> | "all" {
  if (!before || !after || before.round !== after.round) return "all";
  const changed = new Set<string>();
  const diff = (a: Record<string, number>, b: Record<string, number>) => {
    for (const k in a) if (a[k] !== b[k]) changed.add(k);
    for (const k in b) if (!(k in a)) changed.add(k);
  };
  if (before.mine !== after.mine) diff(before.mine, after.mine);
  const was = before.tally?.tallies ?? null;
  const is = after.tally?.tallies ?? null;
  if (was !== is) {
    if (!was || !is) return "all";
    diff(was, is);
  }
  return changed;
}
