import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  eventFollowUps,
  eventStaff,
  events,
  projectCheckIns,
  projectMilestones,
  projectRisks,
  projects,
  teams,
} from "@/db/schema";
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

/**
 * The events of `eventIds` whose projects `accountId` may follow from `eventId`: the event itself
 * and the weekends it follows that they organise. A weekend's projects (owners' emails, check-ins)
 * are its organisers' to see: someone taken off the weekend, or only ever on its catch-up, does
 * not see them through the catch-up.
 */
export async function followedBy(db: Db, eventId: string, eventIds: string[], accountId: string) {
  const organised = await db
    .select({ eventId: eventStaff.eventId })
    .from(eventStaff)
    .where(and(eq(eventStaff.accountId, accountId), eq(eventStaff.role, "organiser"), inArray(eventStaff.eventId, eventIds)));
  const mine = new Set(organised.map((o) => o.eventId));
  return eventIds.filter((id) => id === eventId || mine.has(id));
}

/** The events whose projects are shown from `eventId`: to `organiser`, only those they may follow. */
export async function eventsFollowed(db: Db, eventId: string, organiser?: string) {
  const carried = await projectEventIds(db, eventId);
  return organiser ? followedBy(db, eventId, carried, organiser) : carried;
}

/**
 * Projects of an event (and of the weekends it follows), each with its follow-up state. With
 * `organiser`, only those that account may follow (see followedBy).
 */
export async function findProjects(
  db: Db,
  eventId: string,
  options: { publicOnly?: boolean; now?: number; organiser?: string } = {},
) {
  const eventIds = await eventsFollowed(db, eventId, options.organiser);
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

/** One project, if it belongs to this event or a weekend it follows (that `organiser` organises, when given). */
export async function findProject(
  db: Db,
  eventId: string,
  projectId: string,
  options: { now?: number; organiser?: string } = {},
) {
  const all = await findProjects(db, eventId, options);
  return all.find((p) => p.id === projectId) ?? null;
}
