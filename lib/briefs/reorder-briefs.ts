import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefs } from "@/db/schema";
import { moveItem } from "@/lib/events/agenda";

/** Moves one brief up or down the event's list, renumbering every brief so positions stay 0…n-1. */
export async function moveBrief(tx: Tx, input: { eventId: string; briefId: string; direction: "up" | "down" }) {
  const list = await tx
    .select({ id: briefs.id })
    .from(briefs)
    .where(eq(briefs.eventId, input.eventId))
    .orderBy(asc(briefs.position), asc(briefs.createdAt));
  const index = list.findIndex((b) => b.id === input.briefId);
  if (index === -1) return false;
  const reordered = moveItem(list, index, input.direction);
  for (const [position, brief] of reordered.entries()) {
    await tx
      .update(briefs)
      .set({ position })
      .where(and(eq(briefs.id, brief.id), eq(briefs.eventId, input.eventId)));
  }
  return true;
}
