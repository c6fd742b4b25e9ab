import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefs, eventFollowUps } from "@/db/schema";
import { createEvent } from "@/lib/events/create-event";

/**
 * A catch-up evening after the weekend: a new event that follows it. The briefs come across, so
 * the catch-up's page says what was worked on; projects are not copied but shared: the catch-up
 * shows and follows up the weekend's projects. Teams are not copied (they would arrive empty):
 * the weekend's team members are invited instead (lib/email/participant-emails.ts), and each
 * joins the catch-up on their phone, as they did the weekend.
 */
export async function createCatchUp(
  tx: Tx,
  input: { followsEventId: string; name: string; startsAt: number; endsAt: number; place: string; createdBy: string },
) {
  const { followsEventId, ...details } = input;
  const created = await createEvent(tx, { ...details, status: "draft" });
  await tx.insert(eventFollowUps).values({ eventId: created.id, followsEventId });

  const oldBriefs = await tx.select().from(briefs).where(eq(briefs.eventId, followsEventId)).orderBy(asc(briefs.position));
  for (const b of oldBriefs) {
    const { id: _id, eventId: _e, createdAt: _c, updatedAt: _u, ...fields } = b;
    await tx.insert(briefs).values({ ...fields, id: randomUUID(), eventId: created.id });
  }
  return created;
}
