import { desc, eq, sql } from "drizzle-orm";
import { announcements, events } from "@/db/schema";
import { announcementHistoryLength } from "@/lib/announcements/send-announcement";
import { actorKey } from "@/lib/auth/actor";
import { boardListing, noteCounts } from "@/lib/boards/find-boards";
import { namesByKey } from "@/lib/participants/names";
import { presenceCounts } from "@/lib/presence/presence-store";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { ReadHandler } from "@/lib/realtime/handler";
import { seqQuery } from "@/lib/realtime/sequence";
import { findPhases } from "@/lib/room/find-phases";
import { readNudge, readRoom } from "@/lib/room/room-store";

export const eventSnapshot: ReadHandler<"event:snapshot"> = {
  kind: "read",
  permission: "readEvent",
  async read(db, { actor, now }) {
    const r = db.read;
    const [eventRows, latest, seqRows] = await r.batch([
      r.select().from(events).where(eq(events.id, actor.eventId)),
      r
        .select({
          id: announcements.id,
          text: announcements.text,
          createdAt: announcements.createdAt,
          // Sent before it was kept: shown when it was sent.
          shownAt: sql<number>`coalesce(${announcements.shownAt}, ${announcements.createdAt})`.mapWith(Number),
          position: announcements.position,
          clearedAt: announcements.clearedAt,
        })
        .from(announcements)
        .where(eq(announcements.eventId, actor.eventId))
        .orderBy(desc(announcements.position), desc(announcements.createdAt))
        .limit(announcementHistoryLength),
      seqQuery(r, rooms.event(actor.eventId)),
    ]);
    const event = eventRows[0];
    const history = latest.map(({ clearedAt: _, ...a }) => a);
    // The latest shows unless staff cleared it; the history keeps it either way.
    const showing = latest[0] && latest[0].clearedAt === null ? (history[0] ?? null) : null;
    if (!event) throw new CommandFailure("not_found", "This event no longer exists.");
    return {
      result: {
        seq: seqRows[0]?.seq ?? 0,
        event: { id: event.id, slug: event.slug, name: event.name, joinCode: event.joinCode },
        // Their own name, as they typed it: this snapshot goes to them alone.
        me: {
          kind: actor.kind,
          name: (await namesByKey(r, actor.eventId, [actorKey(actor)], "private"))(actorKey(actor)),
          role: actor.role,
        },
        presence: await presenceCounts(r, actor.eventId, now),
        announcement: showing,
        announcements: history,
        room: await readRoom(r, actor.eventId),
        agenda: await findPhases(r, actor.eventId),
        nudge: await readNudge(r, actor.eventId, now),
        boards: await boardListing(r, actor.eventId),
        noteCounts: await noteCounts(r, actor.eventId),
      },
    };
  },
};
