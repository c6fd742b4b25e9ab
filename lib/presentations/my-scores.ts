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
