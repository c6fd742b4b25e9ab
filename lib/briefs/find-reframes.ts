import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { briefReframes, teamMembers, teams } from "@/db/schema";
import { authorKey, namesByKey } from "@/lib/participants/names";

/**
 * Every team working on a brief, each with its reframes newest first (the first is its current
 * framing), each named by its author as the room sees them now.
 */
export async function findReframes(db: Db, eventId: string, briefId: string) {
  const [teamRows, reframes] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.eventId, eventId), eq(teams.briefId, briefId)))
      .orderBy(asc(teams.position), asc(teams.createdAt)),
    db
      .select()
      .from(briefReframes)
      .where(and(eq(briefReframes.eventId, eventId), eq(briefReframes.briefId, briefId)))
      .orderBy(desc(briefReframes.createdAt)),
  ]);
  const nameOf = await namesByKey(db, eventId, reframes.map(authorKey), "room");
  const named = reframes.map((r) => ({ ...r, authorName: nameOf(authorKey(r)) }));
  return teamRows.map((team) => ({ ...team, reframes: named.filter((r) => r.teamId === team.id) }));
}

/** The team a participant is in, if any, and the brief it works on. */
export async function findTeamOf(db: Db, eventId: string, participantId: string) {
  const [row] = await db
    .select({ id: teams.id, name: teams.name, briefId: teams.briefId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.eventId, eventId), eq(teamMembers.participantId, participantId)));
  return row ?? null;
}
