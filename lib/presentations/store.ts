import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  accounts,
  briefContacts,
  briefs,
  eventStaff,
  participants,
  type presentationFeedback,
  presentationJudges,
  presentationReactions,
  presentationRuns,
  showcases,
  teamMembers,
  teams,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { type NameAudience, namesByKey } from "@/lib/participants/names";
import { publicName } from "@/lib/participants/profile";
import { CommandFailure } from "@/lib/realtime/command-error";
import type {
  FeedbackView,
  JudgeView,
  PresentationRunView,
  PresentationTeam,
  ReactionCounts,
  ShowcaseView,
} from "@/lib/realtime/contract";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { briefOwner, criteriaFromSuccess, leftOutTeamIds, normaliseOrder, presentingTeamIds } from "./rules";

type Reader = Db | Tx;
export type RunRow = typeof presentationRuns.$inferSelect;
type ShowcaseRow = typeof showcases.$inferSelect;

const showcaseImageUrl = (imageId: string) => `/showcase-images/${imageId}`;

export type TeamInfo = PresentationTeam & { successLooksLike: string; owner: string; members: number };

/** The event's teams in their usual order, with what the presentations need of their briefs and how many joined. */
export async function presentationTeams(db: Reader, eventId: string): Promise<TeamInfo[]> {
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      briefId: briefs.id,
      briefTitle: briefs.title,
      successLooksLike: briefs.successLooksLike,
      ownerRole: briefs.ownerRole,
      ownerOrganisation: briefs.ownerOrganisation,
    })
    .from(teams)
    .leftJoin(briefs, eq(briefs.id, teams.briefId))
    .where(eq(teams.eventId, eventId))
    .orderBy(asc(teams.position), asc(teams.createdAt));
  const memberCounts = await db
    .select({ teamId: teamMembers.teamId, n: count() })
    .from(teamMembers)
    .where(eq(teamMembers.eventId, eventId))
    .groupBy(teamMembers.teamId);
  const membersOf = new Map(memberCounts.map((m) => [m.teamId, Number(m.n)]));
  const briefIds = rows.map((r) => r.briefId).filter((b): b is string => b !== null);
  const contacts = briefIds.length
    ? await db
        .select({ briefId: briefContacts.briefId, role: briefContacts.role })
        .from(briefContacts)
        .where(inArray(briefContacts.briefId, briefIds))
        .orderBy(asc(briefContacts.position))
    : [];
  return rows.map((r) => {
    const contact = contacts.find((c) => c.briefId === r.briefId)?.role ?? null;
    return {
      id: r.id,
      name: r.name,
      briefTitle: r.briefTitle,
      successLooksLike: r.successLooksLike ?? "",
      owner: briefOwner(r.briefId ? r : null, contact),
      members: membersOf.get(r.id) ?? 0,
    };
  });
}

export async function teamInEvent(db: Reader, actor: Actor, teamId: string) {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.eventId, actor.eventId)));
  if (!team) throw new CommandFailure("not_found", "That team doesn't exist.");
  return team;
}

const defaultRun = (eventId: string): RunRow => ({
  eventId,
  order: [],
  presentSeconds: 300,
  questionsSeconds: 120,
  currentTeamId: null,
  stage: "waiting",
  stageStartedAt: null,
  pausedAt: null,
  peoplesChoiceBoardId: null,
  criteria: {},
  includedTeamIds: [],
  projecting: "presenter",
  updatedAt: null,
});

export async function findRun(db: Reader, eventId: string): Promise<RunRow> {
  const [row] = await db.select().from(presentationRuns).where(eq(presentationRuns.eventId, eventId));
  return row ?? defaultRun(eventId);
}

/** Writes the run (creating it on first use) and returns the stored row. */
export async function saveRun(tx: Tx, eventId: string, patch: Partial<RunRow>, now: number): Promise<RunRow> {
  const [row] = await tx
    .insert(presentationRuns)
    .values({ ...defaultRun(eventId), ...patch, eventId, updatedAt: now })
    .onConflictDoUpdate({ target: presentationRuns.eventId, set: { ...patch, updatedAt: now } })
    .returning();
  if (!row) throw new Error("run not saved");
  return row;
}

/** The teams that present (see presentingTeamIds), in the teams' order. */
export const presentingIds = (run: Pick<RunRow, "includedTeamIds">, teamInfo: readonly { id: string; members: number }[]) =>
  presentingTeamIds(teamInfo, run.includedTeamIds);

/** The event's teams that present: the ones somebody joined, and empty ones the staff added. */
export async function presentingTeamIdsOf(db: Reader, eventId: string): Promise<string[]> {
  const [teamInfo, run] = await Promise.all([presentationTeams(db, eventId), findRun(db, eventId)]);
  return presentingIds(run, teamInfo);
}

/** The run as screens see it: its order holds only the teams that present. */
export function runView(run: RunRow, teamInfo: readonly { id: string; members: number }[]): PresentationRunView {
  return {
    order: normaliseOrder(run.order, presentingIds(run, teamInfo)),
    presentSeconds: run.presentSeconds,
    questionsSeconds: run.questionsSeconds,
    currentTeamId: run.currentTeamId,
    stage: run.stage,
    stageStartedAt: run.stageStartedAt,
    pausedAt: run.pausedAt,
    peoplesChoiceBoardId: run.peoplesChoiceBoardId,
    includedTeamIds: run.includedTeamIds.filter((id) => teamInfo.some((t) => t.id === id)),
    leftOutTeamIds: leftOutTeamIds(teamInfo, run.includedTeamIds),
    projecting: run.projecting,
  };
}

export const runChanged = (eventId: string, run: PresentationRunView): Broadcast => ({
  room: rooms.presentations(eventId),
  event: "presentation:run-changed",
  data: { run },
});

/** `nameOf` names the last editor for whoever reads it (see namesByKey): never a stored copy. */
export function showcaseView(
  teamId: string,
  row: ShowcaseRow | undefined,
  owner: string,
  nameOf: (key: string | null) => string,
): ShowcaseView {
  return {
    teamId,
    title: row?.title ?? "",
    summary: row?.summary ?? "",
    made: row?.made ?? "",
    learned: row?.learned ?? "",
    links: row?.links ?? [],
    images: (row?.imageIds ?? []).map((id) => ({ id, url: showcaseImageUrl(id) })),
    nextSteps: row?.nextSteps ?? "",
    takenForwardBy: row?.takenForwardBy || owner,
    takenForwardByDefault: owner,
    needs: row?.needs ?? "",
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedByKey ? nameOf(row.updatedByKey) : "",
  };
}

export async function findShowcases(db: Reader, eventId: string, teamInfo: TeamInfo[], audience: NameAudience = "room") {
  const rows = await db.select().from(showcases).where(eq(showcases.eventId, eventId));
  const byTeam = new Map(rows.map((r) => [r.teamId, r]));
  const nameOf = await namesByKey(
    db,
    eventId,
    rows.map((r) => r.updatedByKey),
    audience,
  );
  return Object.fromEntries(teamInfo.map((t) => [t.id, showcaseView(t.id, byTeam.get(t.id), t.owner, nameOf)]));
}

type FeedbackRow = Pick<typeof presentationFeedback.$inferSelect, "id" | "teamId" | "authorKey" | "text" | "createdAt">;

/** Feedback as a screen shows it, its author named from their profile now. */
export async function feedbackViews(
  db: Reader,
  eventId: string,
  rows: FeedbackRow[],
  audience: NameAudience = "room",
): Promise<FeedbackView[]> {
  const nameOf = await namesByKey(
    db,
    eventId,
    rows.map((f) => f.authorKey),
    audience,
  );
  return rows.map((f) => ({ id: f.id, teamId: f.teamId, authorName: nameOf(f.authorKey), text: f.text, createdAt: f.createdAt }));
}

/** Criteria per team: what the organiser set, or the team's brief's success lines. */
export function criteriaFor(run: RunRow, teamInfo: TeamInfo[]): Record<string, string[]> {
  return Object.fromEntries(teamInfo.map((t) => [t.id, run.criteria[t.id] ?? criteriaFromSuccess(t.successLooksLike)]));
}

export async function reactionCounts(db: Reader, eventId: string, teamId?: string): Promise<ReactionCounts> {
  const rows = await db
    .select({ teamId: presentationReactions.teamId, kind: presentationReactions.kind, n: count() })
    .from(presentationReactions)
    .where(
      teamId
        ? and(eq(presentationReactions.eventId, eventId), eq(presentationReactions.teamId, teamId))
        : eq(presentationReactions.eventId, eventId),
    )
    .groupBy(presentationReactions.teamId, presentationReactions.kind);
  const out: ReactionCounts = {};
  for (const r of rows) out[r.teamId] = { ...out[r.teamId], [r.kind]: Number(r.n) };
  return out;
}

/** The judges, named as the room sees them (the list is broadcast to every screen). */
export async function findJudges(db: Reader, eventId: string): Promise<JudgeView[]> {
  const rows = await db
    .select({ key: presentationJudges.judgeKey })
    .from(presentationJudges)
    .where(eq(presentationJudges.eventId, eventId))
    .orderBy(asc(presentationJudges.createdAt));
  const nameOf = await namesByKey(
    db,
    eventId,
    rows.map((r) => r.key),
    "room",
  );
  return rows.map((r) => ({ key: r.key, name: nameOf(r.key) }));
}

export async function isJudge(db: Reader, eventId: string, key: string) {
  const [row] = await db
    .select({ key: presentationJudges.judgeKey })
    .from(presentationJudges)
    .where(and(eq(presentationJudges.eventId, eventId), eq(presentationJudges.judgeKey, key)));
  return Boolean(row);
}

/** Everyone who could be made a judge: the event's participants and staff, by name. */
export async function judgeCandidates(db: Reader, eventId: string): Promise<JudgeView[]> {
  const people = await db
    .select()
    .from(participants)
    .where(and(eq(participants.eventId, eventId), isNull(participants.leftAt)))
    .orderBy(asc(participants.displayName));
  const staff = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(eventStaff)
    .innerJoin(accounts, eq(accounts.id, eventStaff.accountId))
    .where(eq(eventStaff.eventId, eventId))
    .orderBy(asc(accounts.name));
  return [
    ...people.map((p) => ({ key: `p:${p.id}`, name: publicName(p) })),
    ...staff.map((s) => ({ key: `a:${s.id}`, name: `${s.name} (staff)` })),
  ];
}
