import { freshResult } from "@/lib/realtime/client/fresh-result";
import type { Ack, CommandResults } from "@/lib/realtime/contract";
import type { PresentationsState } from "./presentations-state";

/** A judge's scores for one team, as the server holds them, in place of what this screen had. */
export const withMyScores = (s: PresentationsState, teamId: string, scores: Record<string, number>): PresentationsState => ({
  ...s,
  me: { ...s.me, scores: { ...s.me.scores, [teamId]: scores } },
});

/**
 * What the answer to a judge's score tells their screen: the team's scores now, unless it answers
 * a retry (`freshResult`), whose scores are the first run's and would take back a score changed since.
 */
export function afterScoreAck(
  s: PresentationsState,
  teamId: string,
  ack: Ack<CommandResults["judge:score"]>,
): PresentationsState {
  const result = freshResult(ack);
  return result ? withMyScores(s, teamId, result.scores) : s;
}

/**
 * Which score taps are the latest for their team. A judge may tap again before the last tap's
 * answer comes (a score taken back at once); an older tap's answer, arriving after, holds the
 * team's scores from before the newer tap and must not be shown over it.
 */
export function createScoreTaps() {
  const latest = new Map<string, number>();
  return {
    /** A tap sent for `teamId`: ask `isLatest` with what this returns when its answer comes. */
    sent(teamId: string) {
      const tap = (latest.get(teamId) ?? 0) + 1;
      latest.set(teamId, tap);
      return tap;
    },
    isLatest: (teamId: string, tap: number) => latest.get(teamId) === tap,
  };
}
