import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { events } from "@/db/schema";
import type { EventDetails } from "./event-details";

/** Saves the event editor's details. The slug stays as it was: it is already printed on posters. */
export async function updateEventDetails(tx: Tx, input: { eventId: string; details: EventDetails }) {
  await tx.update(events).set(input.details).where(eq(events.id, input.eventId));
}
