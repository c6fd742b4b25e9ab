import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventPhases } from "@/db/schema";
import { orderAgenda } from "./agenda";

/** An event's phases in the order they happen. */
export async function findAgenda(db: Db, eventId: string) {
  const phases = await db.select().from(eventPhases).where(eq(eventPhases.eventId, eventId));
  return orderAgenda(phases);
}
