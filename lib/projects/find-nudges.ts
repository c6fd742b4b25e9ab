import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventStaff, events, projects } from "@/db/schema";
import { findProjects } from "./find-projects";

/**
 * Every project due a check-in or overdue, across the events this account organises: the
 * organiser's dashboard nudge, so nothing ends with "good luck, goodbye". Overdue first.
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
      (await findProjects(db, event.id, { now }))
        .filter((p) => !p.fromEvent.carried && (p.state.kind === "overdue" || p.state.kind === "due"))
        .map((p) => ({ event, project: p })),
    ),
  );
  return lists.flat().sort((a, b) => rankOf(a.project.state.kind) - rankOf(b.project.state.kind));
}

const rankOf = (kind: string) => (kind === "overdue" ? 0 : 1);
