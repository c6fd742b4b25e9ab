import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { presentationScores, voteRounds, votes } from "@/db/schema";
import { combineResults, type ResultRow } from "./rules";
import { criteriaFor, findRun, presentationTeams, type RunRow, type TeamInfo } from "./store";

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
  teams: TeamInfo[];
  criteria: Record<string, string[]>;
  rows: ResultRow[];
  judges: number;
  peoplesChoice: { status: "open" | "closed" | "revealed"; voters: number } | null;
};

/** Judges' scores and the people's choice, combined, for the results view and the record. */
export async function loadResults(db: Reader, eventId: string): Promise<PresentationResults> {
  const [teamInfo, run] = await Promise.all([presentationTeams(db, eventId), findRun(db, eventId)]);
  const criteria = criteriaFor(run, teamInfo);
  const scores = await db.select().from(presentationScores).where(eq(presentationScores.eventId, eventId));
  const { round, tallies } = await peoplesChoiceTallies(db, run);
  const voters = round ? await db.selectDistinct({ v: votes.voterKey }).from(votes).where(eq(votes.roundId, round.id)) : [];
  const rows = combineResults(
    teamInfo.map((t) => ({ teamId: t.id, criteria: criteria[t.id] ?? [] })),
    scores,
    tallies,
  );
  return {
    teams: teamInfo,
    criteria,
    rows,
    judges: new Set(scores.map((s) => s.judgeKey)).size,
    peoplesChoice: round ? { status: round.status, voters: voters.length } : null,
  };
}
