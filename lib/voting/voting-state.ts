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
      case "vote:tallied": {
        const { room: _, ...tally } = e.data;
        return { ...state, tally: newer(state.tally, tally, sameRound) };
      }
    }
  },
};

/** My dots after one more (or one fewer) on a target. */
export function changeDots(mine: Record<string, number>, targetId: string, delta: 1 | -1): Record<string, number> {
  const n = (mine[targetId] ?? 0) + delta;
  const { [targetId]: _, ...rest } = mine;
  return n > 0 ? { ...rest, [targetId]: n } : rest;
}
