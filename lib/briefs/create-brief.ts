import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefs } from "@/db/schema";

/** A new draft brief at the end of the event's list. Only its title is needed to start. */
export async function createBrief(tx: Tx, input: { eventId: string; title: string }) {
  const [last] = await tx
    .select({ max: sql<number | null>`max(${briefs.position})` })
    .from(briefs)
    .where(eq(briefs.eventId, input.eventId));
  const id = randomUUID();
  await tx.insert(briefs).values({
    id,
    eventId: input.eventId,
    title: input.title,
    status: "draft",
    position: (last?.max ?? -1) + 1,
    updatedAt: Date.now(),
  });
  return { id };
}
