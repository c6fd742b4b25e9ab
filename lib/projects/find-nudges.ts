import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventStaff, events, projects } from "@/db/schema";
import { type AttentionReason, attentionReasons } from "./check-in-rules";
import { findProjects, type ProjectSummary } from "./find-projects";

const rank: Record<AttentionReason, number> = { overdue: 0, stuck: 1, at_risk: 2, help: 3, due: 4 };

/**
 * The projects of one event's list that need a nudge (a check-in owed, or at risk, stuck or
 * asking for help), most urgent first. Projects carried from an earlier weekend are nudged there.
 */
export function projectsNeedingNudge(all: ProjectSummary[]) {
  return all
    .filter((p) => !p.fromEvent.carried)
    .map((project) => ({ project, reasons: attentionReasons(project.state, project.checkIns[0]) }))
    .filter((n) => n.reasons.length > 0)
    .sort((a, b) => Math.min(...a.reasons.map((r) => rank[r])) - Math.min(...b.reasons.map((r) => rank[r])));
}

/**
 * Every project that needs a nudge across the events this account organises: the organiser's
 * dashboard and weekly digest, so nothing ends with "good luck, goodbye".
 */
export async function findNudges(db: Db, accountId: string, now = Date.now()) {
  const withProjects = await db
    .selectDistinct({ id: events.id, slug: events.slug, name: events.name })
    .from(eventStaff)
    .innerJoin(events, eq(events.id, eventStaff.eventId))
    .innerJoin(projects, eq(projects.eventId, events.id))
    .where(and(eq(eventStaff.accountId, accountId), eq(eventStaff.role, "organiser")));
  if (withProjects.length === 0) return [];
  const lists = await Promise.all(
    withProjects.map(async (event) =>
      projectsNeedingNudge(await findProjects(db, event.id, { now, organiser: accountId })).map((n) => ({ event, ...n })),
    ),
  );
  return lists.flat().sort((a, b) => Math.min(...a.reasons.map((r) => rank[r])) - Math.min(...b.reasons.map((r) => rank[r])));
}
