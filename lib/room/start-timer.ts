import { says } from "@/lib/activity/activity-message";
import type { WriteHandler } from "@/lib/realtime/handler";
import { changeRoom, readRoom } from "./room-store";
import { formatClock, minute, startTimer as start } from "./timer";

export const startTimer: WriteHandler<"timer:start"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const before = await readRoom(tx, actor.eventId);
    const timer = start(before.timer, now, payload.minutes === undefined ? undefined : payload.minutes * minute);
    const { room, broadcasts } = await changeRoom(tx, {
      actor,
      now,
      patch: { timer },
      change: { what: "timer", said: says.timerStarted(formatClock(timer.remainingMs / 1000)) },
    });
    return { result: { room }, broadcasts };
  },
};
