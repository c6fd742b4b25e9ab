import { says } from "@/lib/activity/activity-message";
import type { WriteHandler } from "@/lib/realtime/handler";
import { changeRoom, readRoom } from "./room-store";
import { formatClock, minute, resetTimer as reset } from "./timer";

export const resetTimer: WriteHandler<"timer:reset"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const before = await readRoom(tx, actor.eventId);
    const timer = reset(before.timer, payload.minutes === undefined ? undefined : payload.minutes * minute);
    const { room, broadcasts } = await changeRoom(tx, {
      actor,
      now,
      patch: { timer },
      change: { what: "timer", said: says.timerReset(formatClock(timer.durationMs / 1000)) },
    });
    return { result: { room }, broadcasts };
  },
};
