import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { presence } from "@/db/schema";
import type { PresenceCounts } from "@/lib/realtime/contract";

/** A connection counts as present while its process keeps refreshing it. */
export const presenceTtlMs = 90_000;
export const presenceHeartbeatMs = 30_000;

export type Connection = { socketId: string; eventId: string; personKey: string; role: string; room: string | null };

export function createPresenceStore(db: Database, processId: string) {
  return {
    enter: (c: Connection, now = Date.now()) =>
      db.transact((tx) =>
        tx
          .insert(presence)
          .values({ ...c, processId, seenAt: now })
          .onConflictDoNothing(),
      ),
    moveTo: (socketId: string, room: string | null) =>
      db.transact((tx) => tx.update(presence).set({ room }).where(eq(presence.socketId, socketId))),
    leave: (socketId: string) => db.transact((tx) => tx.delete(presence).where(eq(presence.socketId, socketId))),
    /** Refreshes this process's connections and forgets those of processes that died. */
    heartbeat: (now = Date.now()) =>
      db.transact(async (tx) => {
        await tx.update(presence).set({ seenAt: now }).where(eq(presence.processId, processId));
        await tx.delete(presence).where(lt(presence.seenAt, now - presenceTtlMs));
      }),
    /** On shutdown: this process's connections are gone. */
    forgetProcess: () => db.transact((tx) => tx.delete(presence).where(eq(presence.processId, processId))),
    counts: (eventId: string, now = Date.now()) => presenceCounts(db.read, eventId, now),
  };
}

export type PresenceStore = ReturnType<typeof createPresenceStore>;

export async function presenceCounts(db: Db, eventId: string, now = Date.now()): Promise<PresenceCounts> {
  const live = and(eq(presence.eventId, eventId), gt(presence.seenAt, now - presenceTtlMs));
  const [totals, byRoom] = await db.batch([
    db
      .select({
        people: sql<number>`count(distinct ${presence.personKey})`,
        participants: sql<number>`count(distinct case when ${presence.role} = 'participant' then ${presence.personKey} end)`,
      })
      .from(presence)
      .where(live),
    db
      .select({ room: presence.room, people: sql<number>`count(distinct ${presence.personKey})` })
      .from(presence)
      .where(and(live, sql`${presence.room} is not null`))
      .groupBy(presence.room),
  ]);
  const people = Number(totals[0]?.people ?? 0);
  const participants = Number(totals[0]?.participants ?? 0);
  return {
    eventId,
    people,
    participants,
    staff: people - participants,
    rooms: Object.fromEntries(byRoom.map((r) => [r.room as string, Number(r.people)])),
  };
}
