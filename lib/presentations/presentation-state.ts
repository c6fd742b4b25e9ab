import { and, desc, eq } from "drizzle-orm";
import { presentationFeedback, presentationScores } from "@/db/schema";
import { actorKey, isStaff } from "@/lib/auth/actor";
import { teamOf } from "@/lib/boards/board-access";
import { rooms } from "@/lib/realtime/contract";
import type { ReadHandler } from "@/lib/realtime/handler";
import { seqQuery } from "@/lib/realtime/sequence";
import { loadResults, projectResults } from "./results";
import {
  criteriaFor,
  feedbackViews,
  findJudges,
  findRun,
  findShowcases,
  isJudge,
  judgeCandidates,
  presentationTeams,
  reactionCounts,
  runView,
} from "./store";

/** Everything a presentations page shows, read after joining the room so no change falls between. */
export const presentationState: ReadHandler<"presentation:state"> = {
  kind: "read",
  permission: "readEvent",
  async read(db, { actor }, socket) {
    const room = rooms.presentations(actor.eventId);
    socket.join(room);
    const r = db.read;
    const [seqRow] = await seqQuery(r, room);
    const key = actorKey(actor);
    const staff = isStaff(actor);
    const [teamInfo, run, myTeam, judge] = await Promise.all([
      presentationTeams(r, actor.eventId),
      findRun(r, actor.eventId),
      teamOf(r, actor),
      isJudge(r, actor.eventId, key),
    ]);
    const myScores = judge
      ? await r
          .select()
          .from(presentationScores)
          .where(and(eq(presentationScores.eventId, actor.eventId), eq(presentationScores.judgeKey, key)))
      : [];
    const scores: Record<string, Record<string, number>> = {};
    for (const s of myScores) scores[s.teamId] = { ...scores[s.teamId], [s.criterion]: s.score };
    // Feedback is for the team it was written to, and for the people running the event.
    const feedbackRows =
      staff || myTeam
        ? await r
            .select()
            .from(presentationFeedback)
            .where(
              staff
                ? eq(presentationFeedback.eventId, actor.eventId)
                : and(eq(presentationFeedback.eventId, actor.eventId), eq(presentationFeedback.teamId, myTeam ?? "")),
            )
            .orderBy(desc(presentationFeedback.createdAt))
            .limit(500)
        : [];
    return {
      result: {
        seq: seqRow?.seq ?? 0,
        run: runView(run, teamInfo),
        teams: teamInfo.map((t) => ({ id: t.id, name: t.name, briefTitle: t.briefTitle })),
        showcases: await findShowcases(r, actor.eventId, teamInfo),
        reactions: await reactionCounts(r, actor.eventId),
        criteria: criteriaFor(run, teamInfo),
        me: { key, teamId: myTeam, judge, staff, scores },
        feedback: await feedbackViews(r, actor.eventId, feedbackRows),
        // Only while the big screen shows them: until then the results are the staff's.
        results: run.projecting === "results" ? projectResults(await loadResults(r, actor.eventId)) : null,
        judges: staff ? await findJudges(r, actor.eventId) : null,
        people: staff ? await judgeCandidates(r, actor.eventId) : null,
      },
    };
  },
};
