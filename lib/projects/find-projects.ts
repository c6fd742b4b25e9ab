import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventFollowUps, events, projectCheckIns, projectMilestones, projectRisks, projects, teams } from "@/db/schema";
import { followUpState } from "./check-in-rules";

/**
 * The events whose projects this event carries: itself and every weekend it follows (a catch-up
 * of a catch-up still sees the first weekend's projects).
 */
async function projectEventIds(db: Db, eventId: string) {
  const ids = [eventId];
  for (let i = 0; i < 20; i++) {
    const [up] = await db
      .select()
      .from(eventFollowUps)
      .where(eq(eventFollowUps.eventId, ids[ids.length - 1] as string));
    if (!up || ids.includes(up.followsEventId)) break;
    ids.push(up.followsEventId);
  }
  return ids;
}

export type ProjectSummary = Awaited<ReturnType<typeof findProjects>>[number];

/** Projects of an event (and of the weekends it follows), each with its follow-up state. */
export async function findProjects(db: Db, eventId: string, options: { publicOnly?: boolean; now?: number } = {}) {
  const eventIds = await projectEventIds(db, eventId);
  const rows = await db
    .select({ project: projects, teamName: teams.name, eventName: events.name, eventSlug: events.slug })
    .from(projects)
    .leftJoin(teams, eq(teams.id, projects.teamId))
    .innerJoin(events, eq(events.id, projects.eventId))
    .where(
      options.publicOnly
        ? and(inArray(projects.eventId, eventIds), eq(projects.isPublic, true))
        : inArray(projects.eventId, eventIds),
    )
    .orderBy(asc(projects.createdAt));
  const ids = rows.map((r) => r.project.id);
  if (ids.length === 0) return [];
  const [milestones, checkIns, risks] = await Promise.all([
    db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids)).orderBy(asc(projectMilestones.dueAt)),
    db.select().from(projectCheckIns).where(inArray(projectCheckIns.projectId, ids)).orderBy(desc(projectCheckIns.createdAt)),
    db.select().from(projectRisks).where(inArray(projectRisks.projectId, ids)),
  ]);
  const now = options.now ?? Date.now();
  return rows.map(({ project, teamName, eventName, eventSlug }) => {
    const ms = milestones.filter((m) => m.projectId === project.id);
    const cs = checkIns.filter((c) => c.projectId === project.id);
    return {
      ...project,
      teamName,
      fromEvent: { name: eventName, slug: eventSlug, carried: project.eventId !== eventId },
      milestones: ms,
      /** Newest first. */
      checkIns: cs,
      risks: risks.filter((r) => r.projectId === project.id),
      state: followUpState(ms, cs, now),
    };
  });
}

/** One project, if it belongs to this event or a weekend it follows. */
export async function findProject(db: Db, eventId: string, projectId: string, now?: number) {
  const all = await findProjects(db, eventId, { now });
  return all.find((p) => p.id === projectId) ?? null;
}
