import { says } from "@/lib/activity/activity-message";
import type { WriteHandler } from "@/lib/realtime/handler";
import { changeRoom, readRoom } from "./room-store";
import { extendTimer as extend } from "./timer";

export const extendTimer: WriteHandler<"timer:extend"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const timer = extend((await readRoom(tx, actor.eventId)).timer, now, payload.seconds * 1000);
    const { room, broadcasts } = await changeRoom(tx, {
      actor,
      now,
      patch: { timer },
      change: { what: "timer", said: says.timerExtended(payload.seconds) },
    });
    return { result: { room }, broadcasts };
  },
};
