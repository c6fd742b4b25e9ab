import { createHash } from "node:crypto";
import { count, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, sentEmails, teams } from "@/db/schema";
import { eventsFollowed, findProjects } from "./find-projects";

/**
 * A short fingerprint of what the follow-up pages draw: an event's projects (or one of them) with
 * their milestones, updates and risks, and, for the whole event, the emails sent. An open page
 * asks for it now and then and is drawn again when it differs, so it follows a change made
 * anywhere (an owner's update, another organiser's form, a reminder going out, a new join code).
 * It is a hash, so it says nothing of what changed, and only to someone who may see the page anyway.
 */
export async function followUpVersion(
  db: Db,
  eventId: string,
  options: {
    projectId?: string;
    /** The organiser reading: what they may follow is part of what they are drawn (followedBy). */
    organiser?: string;
    now?: number;
  } = {},
) {
  const { projectId, organiser, now = Date.now() } = options;
  const all = await findProjects(db, eventId, { now, organiser });
  // Whose weekends they may follow also decides what the page offers with none of their projects (inviting its people).
  const followed = organiser ? await eventsFollowed(db, eventId, organiser) : null;
  const drawn = projectId ? all.filter((p) => p.id === projectId) : all;
  const [emails] = projectId
    ? [null]
    : await db
        .select({ n: count(), last: max(sentEmails.sentAt) })
        .from(sentEmails)
        .where(eq(sentEmails.eventId, eventId));
  // What the organisers' page draws beside the projects: the catch-up join link (the join code),
  // the teams a project can be made for, the event's name.
  const [event] = await db.select({ name: events.name, joinCode: events.joinCode }).from(events).where(eq(events.id, eventId));
  const teamNames = projectId
    ? null
    : (await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.eventId, eventId))).map(
        (t) => `${t.id}:${t.name}`,
      );
  // The follow-up state is part of what is drawn (a milestone falls due with no one acting).
  return createHash("sha256")
    .update(JSON.stringify({ drawn, emails, event, teamNames, followed }))
    .digest("base64url")
    .slice(0, 22);
}
