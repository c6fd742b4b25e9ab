import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { events } from "@/db/schema";
import { uniqueJoinCode } from "./create-event";

/**
 * A new join code for an event, e.g. after the old one was posted somewhere it should not have
 * been. The old code stops working at once; people already in keep their place (their cookie
 * names the event, not the code).
 */
export async function regenerateJoinCode(tx: Tx, input: { eventId: string }) {
  const joinCode = await uniqueJoinCode(tx);
  await tx.update(events).set({ joinCode }).where(eq(events.id, input.eventId));
  return { joinCode };
}
