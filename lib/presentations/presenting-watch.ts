import type { Db, Tx } from "@/db/client";
import type { Broadcast } from "@/lib/realtime/handler";
import { findRun, presentationTeams, presentingIds, presentingTeamIdsOf, runChanged, runView } from "./store";

/**
 * Who presents follows membership (a team nobody joined gets no slot), so a join, a move or a
 * departure can change the running order every presentations screen shows. Take the watch before
 * the membership write; after it, the watch gives the run to re-send, or nothing when the set of
 * presenting teams is the same (most joins: the team already had members).
 */
export async function watchPresenting(tx: Db | Tx, eventId: string): Promise<() => Promise<Broadcast[]>> {
  const before = new Set(await presentingTeamIdsOf(tx, eventId));
  return async () => {
    const [teamInfo, run] = await Promise.all([presentationTeams(tx, eventId), findRun(tx, eventId)]);
    const after = presentingIds(run, teamInfo);
    if (after.length === before.size && after.every((id) => before.has(id))) return [];
    return [runChanged(eventId, runView(run, teamInfo))];
  };
}
