import { says } from "@/lib/activity/activity-message";
import type { WriteHandler } from "@/lib/realtime/handler";
import { changeRoom, readRoom } from "./room-store";
import { formatClock, pauseTimer as pause, secondsLeft } from "./timer";

export const pauseTimer: WriteHandler<"timer:pause"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, now }) {
    const timer = pause((await readRoom(tx, actor.eventId)).timer, now);
    const { room, broadcasts } = await changeRoom(tx, {
      actor,
      now,
      patch: { timer },
      change: { what: "timer", said: says.timerPaused(formatClock(secondsLeft(timer, now))) },
    });
    return { result: { room }, broadcasts };
  },
};
