import type { WriteHandler } from "@/lib/realtime/handler";
import { changeRoom, readRoom } from "./room-store";
import { extendTimer as extend } from "./timer";

export const extendTimer: WriteHandler<"timer:extend"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const timer = extend((await readRoom(tx, actor.eventId)).timer, now, payload.seconds * 1000);
    const added = payload.seconds % 60 === 0 ? `${payload.seconds / 60} min` : `${payload.seconds} s`;
    const { room, broadcasts } = await changeRoom(tx, {
      actor,
      now,
      patch: { timer },
      change: { what: "timer", text: `added ${added} to the timer` },
    });
    return { result: { room }, broadcasts };
  },
};
