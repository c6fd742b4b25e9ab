import { randomUUID } from "node:crypto";
import { announcements } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";

export const sendAnnouncement: WriteHandler<"announcement:send"> = {
  kind: "write",
  permission: "announce",
  async apply(tx, { actor, payload, now }) {
    const announcement = { id: randomUUID(), text: payload.text, createdAt: now };
    await tx.insert(announcements).values({
      ...announcement,
      eventId: actor.eventId,
      createdBy: actor.kind === "staff" ? actor.accountId : null,
    });
    return {
      result: { announcement },
      broadcasts: [{ room: rooms.event(actor.eventId), event: "announcement:made", data: { announcement } }],
    };
  },
};
