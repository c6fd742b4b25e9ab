import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { briefs, teams } from "@/db/schema";
import type { TeamView } from "@/lib/realtime/contract-teams";

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

/** One team of this event, or null (also for another event's team: no peeking across events). */
export async function findTeam(db: Reader, eventId: string, teamId: string): Promise<TeamView | null> {
  const [team] = await db
    .select(columns)
    .from(teams)
    .leftJoin(briefs, eq(briefs.id, teams.briefId))
    .where(and(eq(teams.id, teamId), eq(teams.eventId, eventId)));
  return team ?? null;
}
