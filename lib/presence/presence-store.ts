import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Database, Db, Tx } from "@/db/client";
import { presence } from "@/db/schema";
import type { PresenceCounts } from "@/lib/realtime/contract";
import { currentSeq, nextSeq, versionKeys } from "@/lib/realtime/sequence";

/** A connection counts as present while its process keeps refreshing it. */
export const presenceTtlMs = 90_000;
export const presenceHeartbeatMs = 30_000;

export type Connection = { socketId: string; eventId: string; personKey: string; role: string; room: string | null };

export function createPresenceStore(db: Database, processId: string) {
  const bump = (tx: Tx, eventIds: Iterable<string>) =>
    Promise.all([...new Set(eventIds)].map((eventId) => nextSeq(tx, versionKeys.presence(eventId))));
  return {
    /**
     * A recovered socket keeps its id, possibly on another process (through Redis): the row then
     * becomes this process's, so the old process's late `leave` does not remove it.
     */
    enter: (c: Connection, now = Date.now()) =>
      db.transact(async (tx) => {
        await tx
          .insert(presence)
          .values({ ...c, processId, seenAt: now })
          .onConflictDoUpdate({ target: presence.socketId, set: { processId, seenAt: now, room: c.room } });
        await bump(tx, [c.eventId]);
      }),
    moveTo: (socketId: string, room: string | null) =>
      db.transact(async (tx) => {
        const moved = await tx
          .update(presence)
          .set({ room })
          .where(eq(presence.socketId, socketId))
          .returning({ eventId: presence.eventId });
        await bump(
          tx,
          moved.map((m) => m.eventId),
        );
      }),
    leave: (socketId: string) =>
      db.transact(async (tx) => {
        const left = await tx
          .delete(presence)
          .where(and(eq(presence.socketId, socketId), eq(presence.processId, processId)))
          .returning({ eventId: presence.eventId });
        await bump(
          tx,
          left.map((m) => m.eventId),
        );
      }),
    /**
     * Refreshes this process's connections and forgets those of processes that died (e.g. a
     * process killed with its phones still counted). Returns the events whose counts changed.
     */
    heartbeat: (now = Date.now()) =>
      db.transact(async (tx) => {
        await tx.update(presence).set({ seenAt: now }).where(eq(presence.processId, processId));
        const gone = await tx
          .delete(presence)
          .where(lt(presence.seenAt, now - presenceTtlMs))
          .returning({ eventId: presence.eventId });
        const eventIds = [...new Set(gone.map((g) => g.eventId))];
        await bump(tx, eventIds);
        return eventIds;
      }),
    /** On shutdown: this process's connections are gone. */
    forgetProcess: () =>
      db.transact(async (tx) => {
        const gone = await tx.delete(presence).where(eq(presence.processId, processId)).returning({ eventId: presence.eventId });
        const eventIds = [...new Set(gone.map((g) => g.eventId))];
        await bump(tx, eventIds);
        return eventIds;
      }),
    counts: (eventId: string, now = Date.now()) => presenceCounts(db.read, eventId, now),
  };
}

export type PresenceStore = ReturnType<typeof createPresenceStore>;

export async function presenceCounts(db: Db, eventId: string, now = Date.now()): Promise<PresenceCounts> {
  // Read before the counts: the counts are then at least as new as the version says.
  const version = await currentSeq(db, versionKeys.presence(eventId));
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
    version,
    people,
    participants,
    staff: people - participants,
    rooms: Object.fromEntries(byRoom.map((r) => [r.room as string, Number(r.people)])),
  };
}
