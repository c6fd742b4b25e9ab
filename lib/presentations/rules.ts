/**
 * The rules of final presentations as pure functions: the running order, the presenter's clock
 * and its warning, who may vote for whom, and how judges' scores and the people's choice combine.
 */

import { reactionLimits } from "@/lib/realtime/constants";
import { teamNameKey } from "@/lib/teams/team-rules";

export type Stage = "waiting" | "presenting" | "questions" | "finished";

export type RunRules = {
  order: string[];
  currentTeamId: string | null;
  stage: Stage;
  stageStartedAt: number | null;
  /** When the clock was paused; null while it runs. */
  pausedAt: number | null;
  presentSeconds: number;
  questionsSeconds: number;
};

// ---- running order ----

/** The saved order, kept in step with the teams that exist: gone teams drop out, new ones go last. */
export function normaliseOrder(order: readonly string[], teamIds: readonly string[]): string[] {
  const present = new Set(teamIds);
  const kept = [...new Set(order)].filter((id) => present.has(id));
  const seen = new Set(kept);
  return [...kept, ...teamIds.filter((id) => !seen.has(id))];
}

/** The keyboard alternative to dragging: one place up (-1) or down (+1). */
export function moveBy(order: readonly string[], teamId: string, delta: -1 | 1): string[] {
  const i = order.indexOf(teamId);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const next = [...order];
  [next[i], next[j]] = [next[j] as string, next[i] as string];
  return next;
}

/** A drop: the team lands at `toIndex` (clamped), the others keep their order. */
export function moveTo(order: readonly string[], teamId: string, toIndex: number): string[] {
  if (!order.includes(teamId)) return [...order];
  const rest = order.filter((id) => id !== teamId);
  const at = Math.max(0, Math.min(rest.length, Math.round(toIndex)));
  return [...rest.slice(0, at), teamId, ...rest.slice(at)];
}

/** Fisher–Yates with the given source of randomness (crypto on the server, seeded in tests). */
export function shuffle(order: readonly string[], random: () => number): string[] {
  const next = [...order];
  for (let i = next.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [next[i], next[j]] = [next[j] as string, next[i] as string];
  }
  return next;
}

// ---- who presents ----

/**
 * The teams that get a slot, a rank and votes: those somebody joined, and those the staff added
 * on purpose (a team presenting on behalf of people not in the app). An empty team is usually one
 * made for a brief nobody picked; giving it a slot would put a blank on the big screen and a
 * zero in the results. Keeps the teams' own order.
 */
export function presentingTeamIds(teams: readonly { id: string; members: number }[], included: readonly string[]): string[] {
  const added = new Set(included);
  return teams.filter((t) => t.members > 0 || added.has(t.id)).map((t) => t.id);
}

/** The empty teams staff could add: they exist, nobody joined them and nobody added them. */
export function leftOutTeamIds(teams: readonly { id: string; members: number }[], included: readonly string[]): string[] {
  const presenting = new Set(presentingTeamIds(teams, included));
  return teams.filter((t) => !presenting.has(t.id)).map((t) => t.id);
}

// ---- presenter controls ----

export type Step = "start" | "next" | "previous" | "questions" | "finish" | "restart-clock" | "pause" | "resume" | "reset";

type Position = Pick<RunRules, "currentTeamId" | "stage" | "stageStartedAt" | "pausedAt">;

/** A team is presenting or taking questions: the presenter's clock is running or paused. */
export const onStage = (run: Pick<RunRules, "stage">) => run.stage === "presenting" || run.stage === "questions";

/** Where the run stands, as the presser saw it: the team on (null before and after) and its stage. */
export type SeenAt = { teamId: string | null; stage: Stage };

/**
 * Whether a step was pressed against the stage that is on now. Two quick presses of "next" both
 * say where they were pressed; the first moves the run on, so the second was pressed against a
 * stage that has gone and is applied as nothing. Without this, both presses carried the same team
 * and the second skipped that team's questions.
 */
export function pressedOnCurrentStage(run: Pick<RunRules, "currentTeamId" | "stage">, seen: Partial<SeenAt>): boolean {
  if (seen.teamId !== undefined && seen.teamId !== run.currentTeamId) return false;
  if (seen.stage !== undefined && seen.stage !== run.stage) return false;
  return true;
}

/**
 * Where the presentations go on a step. "next" runs presenting → questions → the next team's
 * presentation → … → finished, so one key drives the whole session; "previous" is its exact
 * reverse, one stage back (from a team's presentation to the previous team's questions, from the
 * first team back to "not started"), so back always goes back. "reset" returns to "not started"
 * after a rehearsal. "pause" stops the clock where it is (a projector failing, a fire alarm) and
 * "resume" carries on from there; any other step starts a running clock. Returns null when the
 * step changes nothing ("previous" before the start, "pause" on a paused clock…).
 */
export function advance(run: RunRules, step: Step, now: number): Position | null {
  const { order } = run;
  const i = run.currentTeamId ? order.indexOf(run.currentTeamId) : -1;
  const stage = (teamId: string | null, to: "presenting" | "questions"): Position => ({
    currentTeamId: teamId,
    stage: to,
    stageStartedAt: now,
    pausedAt: null,
  });
  const present = (teamId: string | undefined): Position | null => (teamId ? stage(teamId, "presenting") : null);
  // A team's last stage: its questions, unless there is no time for questions.
  const lastStageOf = (teamId: string | undefined): Position | null =>
    teamId ? stage(teamId, run.questionsSeconds > 0 ? "questions" : "presenting") : null;
  const finished: Position = { currentTeamId: null, stage: "finished", stageStartedAt: null, pausedAt: null };
  const waiting: Position = { currentTeamId: null, stage: "waiting", stageStartedAt: null, pausedAt: null };
  switch (step) {
    case "start":
      return present(order[0]);
    case "reset":
      return run.stage === "waiting" && run.currentTeamId === null ? null : waiting;
    case "restart-clock":
      return onStage(run) ? stage(run.currentTeamId, run.stage as "presenting" | "questions") : null;
    case "pause":
      if (!onStage(run) || run.pausedAt !== null || run.stageStartedAt === null) return null;
      return { currentTeamId: run.currentTeamId, stage: run.stage, stageStartedAt: run.stageStartedAt, pausedAt: now };
    case "resume":
      if (!onStage(run) || run.pausedAt === null || run.stageStartedAt === null) return null;
      // The clock starts again with what it had left: its start moves on by the time it stood still.
      return {
        currentTeamId: run.currentTeamId,
        stage: run.stage,
        stageStartedAt: run.stageStartedAt + Math.max(0, now - run.pausedAt),
        pausedAt: null,
      };
    case "questions":
      return run.stage === "presenting" ? stage(run.currentTeamId, "questions") : null;
    case "finish":
      return run.stage === "finished" ? null : finished;
    case "previous":
      if (run.stage === "waiting") return null;
      if (run.stage === "finished") return lastStageOf(order[order.length - 1]) ?? waiting;
      // The team on has left the order (removed mid-run): start again from the top.
      if (i < 0) return waiting;
      if (run.stage === "questions") return stage(run.currentTeamId, "presenting");
      return i === 0 ? waiting : lastStageOf(order[i - 1]);
    case "next":
      if (run.stage === "waiting") return present(order[0]);
      if (run.stage === "finished") return null;
      if (run.stage === "presenting" && run.questionsSeconds > 0) return stage(run.currentTeamId, "questions");
      if (i < 0 || i >= order.length - 1) return finished;
      return present(order[i + 1]);
  }
}

/** The team after the current one (or the first, before the start), for the "next up" preview. */
export function nextUp(run: Pick<RunRules, "order" | "currentTeamId" | "stage">): string | null {
  if (run.stage === "finished") return null;
  if (run.stage === "waiting" || !run.currentTeamId) return run.order[0] ?? null;
  const i = run.order.indexOf(run.currentTeamId);
  return i < 0 ? null : (run.order[i + 1] ?? null);
}

/**
 * What "next up" names beside the team: its showcase's title, when it says more than the team's
 * own name ("Bin Day App · Team Healthwatch"); null when there is none or it is that name again,
 * so the screen never reads "Healthwatch · Team Healthwatch".
 */
export function nextUpTitle(showcaseTitle: string | null | undefined, teamName: string): string | null {
  const title = showcaseTitle?.trim() ?? "";
  return title && teamNameKey(title) !== teamNameKey(teamName) ? title : null;
}

// ---- the clock ----

export type StageClock = {
  totalMs: number;
  remainingMs: number;
  /** Past this point the screen warns the presenter: the last minute, or the last fifth of a short slot. */
  warning: boolean;
  overtime: boolean;
  /** Stopped by the facilitator: the time left stays put until they resume. */
  paused: boolean;
};

const warnAtMs = (totalMs: number) => Math.min(60_000, Math.round(totalMs * 0.2));

/** How long the current stage has left on the server's clock; null when nobody is on. */
export function stageClock(
  run: Pick<RunRules, "stage" | "stageStartedAt" | "pausedAt" | "presentSeconds" | "questionsSeconds">,
  now: number,
): StageClock | null {
  if (!onStage(run) || run.stageStartedAt === null) return null;
  const totalMs = (run.stage === "presenting" ? run.presentSeconds : run.questionsSeconds) * 1000;
  const remainingMs = run.stageStartedAt + totalMs - (run.pausedAt ?? now);
  return {
    totalMs,
    remainingMs: Math.max(0, remainingMs),
    warning: remainingMs <= warnAtMs(totalMs),
    overtime: remainingMs <= 0,
    paused: run.pausedAt !== null,
  };
}

// ---- the room responds ----

/** Taps per person per team: enough to cheer, not enough to flood the screen's counters. */
export const maxReactionsPerPerson = reactionLimits.perTeam;

/** Whether a person may put a people's-choice dot on a team. */
export function mayVoteFor(voterTeamId: string | null, targetTeamId: string, excludeOwnTeam: boolean): boolean {
  return !(excludeOwnTeam && voterTeamId === targetTeamId);
}

// ---- the showcase ----

/** Who takes a team's work forward when the team didn't say: the brief's owner, or its first contact. */
export function briefOwner(
  brief: { ownerRole: string | null; ownerOrganisation: string | null } | null,
  firstContactRole: string | null,
): string {
  const owner = [brief?.ownerRole, brief?.ownerOrganisation].filter((s) => s?.trim()).join(", ");
  return owner || (brief ? (firstContactRole ?? "") : "");
}

// ---- judging ----

export const fallbackCriteria = ["The problem is clear", "What was made works", "It can be taken forward"];
const fallbackKeys = ["clear", "works", "forward"] as const;

/**
 * Made In's own criteria (when a brief says nothing of success) are stored in English, as the
 * names judges' scores are kept under; each reader sees them in their language by this key
 * (`presentations.fallbackCriteria`). Null for a criterion people wrote, shown as written.
 */
export function fallbackCriterionKey(criterion: string): (typeof fallbackKeys)[number] | null {
  const index = fallbackCriteria.indexOf(criterion);
  return index === -1 ? null : (fallbackKeys[index] ?? null);
}

/** Criteria as a reader edits them: Made In's own in the reader's words (`say` reads `presentations.fallbackCriteria`). */
export function criteriaInWords(criteria: readonly string[], say: (key: (typeof fallbackKeys)[number]) => string): string[] {
  return criteria.map((criterion) => {
    const key = fallbackCriterionKey(criterion);
    return key ? say(key) : criterion;
  });
}

/**
 * Criteria as saved from `criteriaInWords`: one of Made In's own left as the reader saw it is
 * stored under its English name again, so judges' scores stay with it and every other reader
 * still sees it in their own language.
 */
export function criteriaFromWords(lines: readonly string[], say: (key: (typeof fallbackKeys)[number]) => string): string[] {
  return lines.map((line) => {
    const index = fallbackKeys.findIndex((key) => say(key) === line);
    return index === -1 ? line : (fallbackCriteria[index] ?? line);
  });
}

/** A brief's "what success looks like", one criterion per line, list markers removed. */
export function criteriaFromSuccess(successLooksLike: string): string[] {
  const lines = successLooksLike
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "")
        .trim()
        .slice(0, 120),
    )
    .filter((l) => l.length > 0);
  const unique = [...new Set(lines)].slice(0, 8);
  return unique.length > 0 ? unique : fallbackCriteria;
}

/**
 * Which criteria an edit renamed, so the scores already given move with them: scores are kept by
 * criterion text, and fixing a typo must not drop what the judges entered. A criterion counts as
 * renamed when it sits where a criterion now gone used to be, in a list of the same length;
 * reordering, adding or removing renames nothing (a removed criterion's scores stop counting).
 */
export function criterionRenames(before: readonly string[], after: readonly string[]): [from: string, to: string][] {
  if (before.length !== after.length) return [];
  const renames: [string, string][] = [];
  before.forEach((from, i) => {
    const to = after[i] as string;
    if (from !== to && !after.includes(from) && !before.includes(to)) renames.push([from, to]);
  });
  return renames;
}

export type Score = { teamId: string; judgeKey: string; criterion: string; score: number };

export type Judging = {
  /** criterion → the judges' average (1–5), for criteria somebody scored. */
  averages: Record<string, number>;
  /** The sum of the averages over the team's criteria (unscored criteria count 0). */
  total: number;
  /** The most the total could be: 5 per criterion. */
  max: number;
  judges: number;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One team's judging: per-criterion averages over the judges who scored it, and their total. */
export function judgeTeam(criteria: readonly string[], scores: readonly Score[]): Judging {
  const averages: Record<string, number> = {};
  const judges = new Set<string>();
  for (const criterion of criteria) {
    const mine = scores.filter((s) => s.criterion === criterion);
    for (const s of mine) judges.add(s.judgeKey);
    if (mine.length > 0) averages[criterion] = round2(mine.reduce((a, s) => a + s.score, 0) / mine.length);
  }
  const total = round2(Object.values(averages).reduce((a, b) => a + b, 0));
  return { averages, total, max: criteria.length * 5, judges: judges.size };
}

export type ResultRow = {
  teamId: string;
  judging: Judging;
  /** Judges' total as a share of its maximum, 0–100. */
  judgesPercent: number | null;
  votes: number;
  /** 1, 2, 2, 4 by dots; null when nobody voted for the team. */
  votesRank: number | null;
  /** Votes as a share of the most any team got, 0–100. */
  votesPercent: number | null;
  /** Half judges, half people's choice; the one that exists when only one does. */
  combined: number;
  rank: number;
};

/** Most first; equal values share a rank (1, 2, 2, 4). */
function sharedRanks<T>(items: readonly T[], value: (t: T) => number): Map<T, number> {
  const sorted = [...items].sort((a, b) => value(b) - value(a));
  const ranks = new Map<T, number>();
  let previous = Number.NaN;
  let r = 0;
  sorted.forEach((item, i) => {
    const v = value(item);
    if (v !== previous) r = i + 1;
    previous = v;
    ranks.set(item, r);
  });
  return ranks;
}

/**
 * Judges and people's choice on one scale: each is turned into a percentage (judges of their
 * maximum, votes of the leader's), then averaged. When the event used only one, that one decides.
 */
export function combineResults(
  teams: readonly { teamId: string; criteria: readonly string[] }[],
  scores: readonly Score[],
  tallies: Record<string, number> | null,
): ResultRow[] {
  const anyScores = scores.length > 0;
  const anyVotes = tallies !== null && Object.values(tallies).some((n) => n > 0);
  const topVotes = anyVotes ? Math.max(...Object.values(tallies ?? {})) : 0;
  const voteRanks = sharedRanks(
    teams.filter((t) => (tallies?.[t.teamId] ?? 0) > 0),
    (t) => tallies?.[t.teamId] ?? 0,
  );
  const rows = teams.map((t) => {
    const judging = judgeTeam(
      t.criteria,
      scores.filter((s) => s.teamId === t.teamId),
    );
    const judgesPercent = anyScores && judging.max > 0 ? round2((judging.total / judging.max) * 100) : null;
    const votes = tallies?.[t.teamId] ?? 0;
    const votesPercent = anyVotes ? round2((votes / topVotes) * 100) : null;
    const parts = [judgesPercent, votesPercent].filter((p): p is number => p !== null);
    const combined = parts.length ? round2(parts.reduce((a, b) => a + b, 0) / parts.length) : 0;
    return {
      teamId: t.teamId,
      judging,
      judgesPercent,
      votes,
      votesRank: voteRanks.get(t) ?? null,
      votesPercent,
      combined,
      rank: 0,
    };
  });
  const ranks = sharedRanks(rows, (r) => r.combined);
  return rows.map((r) => ({ ...r, rank: ranks.get(r) ?? rows.length })).sort((a, b) => a.rank - b.rank);
}
