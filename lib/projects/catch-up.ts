import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefs, eventFollowUps, teams } from "@/db/schema";
import { createEvent } from "@/lib/events/create-event";

/**
 * A catch-up evening after the weekend: a new event that follows it. The weekend's teams come
 * across (with the briefs they worked on), so people can find their old team again; projects
 * are not copied but shared: the catch-up shows and follows up the weekend's projects.
 * People are not copied: each joins the catch-up on their phone, as they did the weekend.
 */
export async function createCatchUp(
  tx: Tx,
  input: { followsEventId: string; name: string; startsAt: number; endsAt: number; place: string; createdBy: string },
) {
  const { followsEventId, ...details } = input;
  const created = await createEvent(tx, { ...details, status: "draft" });
  await tx.insert(eventFollowUps).values({ eventId: created.id, followsEventId });

  const oldTeams = await tx.select().from(teams).where(eq(teams.eventId, followsEventId)).orderBy(asc(teams.position));
  const briefIds = [...new Set(oldTeams.flatMap((t) => (t.briefId ? [t.briefId] : [])))];
  const oldBriefs = briefIds.length
    ? await tx
        .select()
        .from(briefs)
        .where(and(eq(briefs.eventId, followsEventId), inArray(briefs.id, briefIds)))
        .orderBy(asc(briefs.position))
    : [];
  const newBriefId = new Map<string, string>();
  for (const b of oldBriefs) {
    const id = randomUUID();
    newBriefId.set(b.id, id);
    const { id: _id, eventId: _e, createdAt: _c, updatedAt: _u, ...fields } = b;
    await tx.insert(briefs).values({ ...fields, id, eventId: created.id });
  }
  for (const t of oldTeams) {
    await tx.insert(teams).values({
      id: randomUUID(),
      eventId: created.id,
      briefId: t.briefId ? (newBriefId.get(t.briefId) ?? null) : null,
      name: t.name,
      capacity: t.capacity,
      position: t.position,
    });
  }
  return created;
}
