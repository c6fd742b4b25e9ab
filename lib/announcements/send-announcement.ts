import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { announcements } from "@/db/schema";
import { says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { CommandFailure } from "@/lib/realtime/command-error";
import { type AnnouncementView, rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";

/** How many announcements every screen keeps: the latest shows, the rest are the console's history. */
export const announcementHistoryLength = 20;

/**
 * The next place in the event's history, taken inside the command's transaction: writes are
 * serialised, so two staff sending in the same millisecond get two places, never one slot.
 */
async function nextPosition(tx: Tx, eventId: string) {
  const [row] = await tx
    .select({ top: sql<number>`coalesce(max(${announcements.position}), 0)` })
    .from(announcements)
    .where(eq(announcements.eventId, eventId));
  return (row?.top ?? 0) + 1;
}

export const sendAnnouncement: WriteHandler<"announcement:send"> = {
  kind: "write",
  permission: "announce",
  async apply(tx, { actor, payload, now }) {
    const announcement: AnnouncementView = {
      id: randomUUID(),
      text: payload.text,
      createdAt: now,
      shownAt: now,
      position: await nextPosition(tx, actor.eventId),
    };
    await tx.insert(announcements).values({
      ...announcement,
      eventId: actor.eventId,
      createdBy: actor.kind === "staff" ? actor.accountId : null,
    });
    const logged = await logActivity(tx, { actor, now, kind: "announcement", said: says.announced(payload.text) });
    return {
      result: { announcement },
      broadcasts: [{ room: rooms.event(actor.eventId), event: "announcement:made", data: { announcement } }, logged],
    };
  },
};

/**
 * Shows an earlier announcement again: it takes the next place, so it is the latest everywhere,
 * and it is news again on phones from now (`shownAt`), however long ago it was first sent.
 */
export const reshowAnnouncement: WriteHandler<"announcement:reshow"> = {
  kind: "write",
  permission: "announce",
  async apply(tx, { actor, payload, now }) {
    const position = await nextPosition(tx, actor.eventId);
    const [row] = await tx
      .update(announcements)
      .set({ position, clearedAt: null, shownAt: now })
      .where(and(eq(announcements.id, payload.announcementId), eq(announcements.eventId, actor.eventId)))
      .returning({
        id: announcements.id,
        text: announcements.text,
        createdAt: announcements.createdAt,
        position: announcements.position,
      });
    if (!row) throw new CommandFailure("not_found", "That announcement is no longer in this event.");
    const announcement: AnnouncementView = { ...row, shownAt: now };
    const logged = await logActivity(tx, { actor, now, kind: "announcement", said: says.announcementReshown(row.text) });
    return {
      result: { announcement },
      broadcasts: [{ room: rooms.event(actor.eventId), event: "announcement:made", data: { announcement } }, logged],
    };
  },
};

/**
 * Takes an announcement off every screen: it stays in the console's history, to show again.
 * Clearing one that a newer announcement has replaced changes nothing anyone sees.
 */
export const clearAnnouncement: WriteHandler<"announcement:clear"> = {
  kind: "write",
  permission: "announce",
  async apply(tx, { actor, payload, now }) {
    const [row] = await tx
      .select({ text: announcements.text, clearedAt: announcements.clearedAt })
      .from(announcements)
      .where(and(eq(announcements.id, payload.announcementId), eq(announcements.eventId, actor.eventId)));
    if (!row) throw new CommandFailure("not_found", "That announcement is no longer in this event.");
    if (row.clearedAt === null) {
      await tx.update(announcements).set({ clearedAt: now }).where(eq(announcements.id, payload.announcementId));
    }
    const logged = await logActivity(tx, { actor, now, kind: "announcement", said: says.announcementCleared(row.text) });
    return {
      result: { announcementId: payload.announcementId },
      broadcasts: [
        {
          room: rooms.event(actor.eventId),
          event: "announcement:cleared",
          data: { announcementId: payload.announcementId },
        },
        logged,
      ],
    };
  },
};
