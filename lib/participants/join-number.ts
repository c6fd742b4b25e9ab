import { and, asc, count, eq, lt, lte, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { participants } from "@/db/schema";

type Reader = Db | Tx;

/**
 * Where someone stands in the order people joined the event (1: the first), counting those who
 * have left, so a number never changes. It is what screens number two people shown by one name
 * in (lib/participants/distinct-names.ts): an order, never a time, so no screen in the room learns
 * when anyone arrived.
 */
export async function joinNumberOf(db: Reader, p: { eventId: string; id: string; createdAt: number }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(participants)
    .where(
      and(
        eq(participants.eventId, p.eventId),
        or(lt(participants.createdAt, p.createdAt), and(eq(participants.createdAt, p.createdAt), lte(participants.id, p.id))),
      ),
    );
  return row?.n ?? 1;
}

/** Everyone's join number in the event, as joinNumberOf counts them, in one read. */
export async function joinNumbers(db: Reader, eventId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.eventId, eventId))
    .orderBy(asc(participants.createdAt), asc(participants.id));
  return new Map(rows.map((r, i) => [r.id, i + 1]));
}
