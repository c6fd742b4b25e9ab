import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { briefs, teams } from "@/db/schema";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/constants";
import type { TeamView } from "@/lib/realtime/contract-teams";
import type { Broadcast } from "@/lib/realtime/handler";
import { teamNameProblem } from "./team-rules";

type Reader = Db | Tx;

const columns = {
  id: teams.id,
  name: teams.name,
  briefId: teams.briefId,
  briefTitle: briefs.title,
  capacity: teams.capacity,
  position: teams.position,
};

export async function findTeams(db: Reader, eventId: string): Promise<TeamView[]> {
  return db
    .select(columns)
    .from(teams)
    .leftJoin(briefs, eq(briefs.id, teams.briefId))
    .where(eq(teams.eventId, eventId))
    .orderBy(asc(teams.position), asc(teams.createdAt));
}

/** The names of the event's teams, with their ids: what a new or changed name is checked against. */
export async function teamNames(db: Reader, eventId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.eventId, eventId));
}

/**
 * Refuses `name` for a team of this event when another team already reads the same (team-rules
 * `teamNameProblem`), pointing at the name field, which keeps what was typed.
 */
export async function refuseTakenTeamName(db: Reader, eventId: string, name: string, except?: string) {
  const problem = teamNameProblem(name, await teamNames(db, eventId), except);
  if (problem) throw new CommandFailure("conflict", problem, [{ path: "name", message: problem }]);
}

/** One team of this event, or null (also for another event's team: no peeking across events). */
export async function findTeam(db: Reader, eventId: string, teamId: string): Promise<TeamView | null> {
  const [team] = await db
    .select(columns)
    .from(teams)
    .leftJoin(briefs, eq(briefs.id, teams.briefId))
    .where(and(eq(teams.id, teamId), eq(teams.eventId, eventId)));
  return team ?? null;
}

/**
 * A team created or changed: the teams room hears it under its own name, and the presentations
 * room (which lists teams and their running order) under its own.
 */
export function teamBroadcasts(eventId: string, event: "team:created" | "team:updated", team: TeamView): Broadcast[] {
  return [
    { room: rooms.teams(eventId), event, data: { team } },
    {
      room: rooms.presentations(eventId),
      event: "presentation:team-changed",
      data: { team: { id: team.id, name: team.name, briefTitle: team.briefTitle } },
    },
  ];
}
