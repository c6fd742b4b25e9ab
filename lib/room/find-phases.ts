import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { eventPhases } from "@/db/schema";
import { orderAgenda } from "@/lib/events/agenda";
import type { PhaseView } from "@/lib/realtime/contract";

/** The agenda as screens show it, in running order. */
export async function findPhases(db: Db | Tx, eventId: string): Promise<PhaseView[]> {
  const rows = await db.select().from(eventPhases).where(eq(eventPhases.eventId, eventId));
  return orderAgenda(rows).map((p) => ({ id: p.id, name: p.name, startsAt: p.startsAt, endsAt: p.endsAt }));
}
