import { and, count, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { presentationJudges, presentationScores, voteRounds, votes } from "@/db/schema";
import { type ProjectedResult, rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { combineResults, type ResultRow } from "./rules";
import { criteriaFor, findRun, findShowcases, presentationTeams, presentingIds, type RunRow, type TeamInfo } from "./store";

type Reader = Db | Tx;

/** The latest people's-choice round of the event and its dots per team (whatever is revealed). */
async function peoplesChoiceTallies(db: Reader, run: RunRow) {
  if (!run.peoplesChoiceBoardId) return { round: null, tallies: null };
  const [round] = await db
    .select()
    .from(voteRounds)
    .where(and(eq(voteRounds.boardId, run.peoplesChoiceBoardId), eq(voteRounds.targets, "teams")))
    .orderBy(desc(voteRounds.createdAt))
    .limit(1);
  if (!round) return { round: null, tallies: null };
  const rows = await db
    .select({ targetId: votes.targetId, dots: count() })
    .from(votes)
    .where(eq(votes.roundId, round.id))
    .groupBy(votes.targetId);
  return { round, tallies: Object.fromEntries(rows.map((r) => [r.targetId, Number(r.dots)])) };
}

export type PresentationResults = {
  /** The teams that present (an empty team only when staff added it). */
  teams: TeamInfo[];
  /** Each team's showcase title, as the room saw it on the big screen ("" when it has none). */
  titles: Record<string, string>;
  criteria: Record<string, string[]>;
  rows: ResultRow[];
  judges: number;
  peoplesChoice: { status: "open" | "closed" | "revealed"; voters: number } | null;
};

/** Judges' scores and the people's choice, combined, for the results view and the record. */
export async function loadResults(db: Reader, eventId: string): Promise<PresentationResults> {
  const [allTeams, run] = await Promise.all([presentationTeams(db, eventId), findRun(db, eventId)]);
  // A team nobody joined gets no rank unless the staff added it.
  const presenting = new Set(presentingIds(run, allTeams));
  const teamInfo = allTeams.filter((t) => presenting.has(t.id));
  const showcases = await findShowcases(db, eventId, teamInfo);
  const criteria = criteriaFor(run, teamInfo);
  // A judge taken off the panel stops counting; their scores stay, and count again if they are put back.
  const scores = await db
    .select({
      teamId: presentationScores.teamId,
      judgeKey: presentationScores.judgeKey,
      criterion: presentationScores.criterion,
      score: presentationScores.score,
    })
    .from(presentationScores)
    .innerJoin(
      presentationJudges,
      and(
        eq(presentationJudges.eventId, presentationScores.eventId),
        eq(presentationJudges.judgeKey, presentationScores.judgeKey),
      ),
    )
    .where(eq(presentationScores.eventId, eventId));
  const { round, tallies } = await peoplesChoiceTallies(db, run);
  const voters = round ? await db.selectDistinct({ v: votes.voterKey }).from(votes).where(eq(votes.roundId, round.id)) : [];
  // Dots on a team left out (cast before it was left out) neither rank it nor set the leader's mark.
  const counted = tallies ? Object.fromEntries(Object.entries(tallies).filter(([id]) => presenting.has(id))) : null;
  const rows = combineResults(
    teamInfo.map((t) => ({ teamId: t.id, criteria: criteria[t.id] ?? [] })),
    scores.filter((sc) => presenting.has(sc.teamId)),
    counted,
  );
  return {
    teams: teamInfo,
    titles: Object.fromEntries(teamInfo.map((t) => [t.id, showcases[t.id]?.title.trim() ?? ""])),
    criteria,
    rows,
    judges: new Set(scores.map((s) => s.judgeKey)).size,
    peoplesChoice: round ? { status: round.status, voters: voters.length } : null,
  };
}

/** The combined results as the room sees them on the big screen and their phones: titles, not judges' detail. */
export function projectResults(results: PresentationResults): ProjectedResult[] {
  return results.rows.map((r) => {
    const team = results.teams.find((t) => t.id === r.teamId);
    return {
      teamId: r.teamId,
      rank: r.rank,
      title: results.titles[r.teamId] || team?.name || "",
      teamName: team?.name ?? "",
      combined: r.combined,
      votes: r.votes,
      judgesPercent: r.judgesPercent,
    };
  });
}

/**
 * While the results are on the big screen, a change that moves them (a score, a criterion, a
 * showcase title, a team added, a people's-choice round closing) reaches every screen showing them.
 */
export async function resultsIfProjected(tx: Tx, eventId: string): Promise<Broadcast[]> {
  const run = await findRun(tx, eventId);
  if (run.projecting !== "results") return [];
  const results = projectResults(await loadResults(tx, eventId));
  return [{ room: rooms.presentations(eventId), event: "presentation:results-shown", data: { results } }];
}
