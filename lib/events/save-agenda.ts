import { randomUUID } from "node:crypto";
import { and, eq, notInArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { eventPhases } from "@/db/schema";
import type { AgendaPhase } from "./agenda";

/**
 * Replaces an event's agenda with `phases`, in the order given (the position breaks ties
 * between phases that start together). Phases that keep their id keep their row, so anything
 * that points at a phase (the room's current phase) survives an edit.
 */
export async function saveAgenda(tx: Tx, input: { eventId: string; phases: AgendaPhase[] }) {
  const existing = await tx.select({ id: eventPhases.id }).from(eventPhases).where(eq(eventPhases.eventId, input.eventId));
  const known = new Set(existing.map((p) => p.id));
  const kept = input.phases.map((p) => p.id).filter((id): id is string => !!id && known.has(id));
  await tx
    .delete(eventPhases)
    .where(
      kept.length
        ? and(eq(eventPhases.eventId, input.eventId), notInArray(eventPhases.id, kept))
        : eq(eventPhases.eventId, input.eventId),
    );
  for (const [position, phase] of input.phases.entries()) {
    const values = { name: phase.name, startsAt: phase.startsAt, endsAt: phase.endsAt, position };
    if (phase.id && known.has(phase.id)) {
      await tx
        .update(eventPhases)
        .set(values)
        .where(and(eq(eventPhases.id, phase.id), eq(eventPhases.eventId, input.eventId)));
    } else {
      await tx.insert(eventPhases).values({ ...values, id: randomUUID(), eventId: input.eventId });
    }
  }
}
