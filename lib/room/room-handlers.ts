import type { roomCommandSchemas } from "@/lib/realtime/contract";
import type { HandlerTable } from "@/lib/realtime/handler";
import { extendTimer } from "./extend-timer";
import { startNextPhase } from "./next-phase";
import { pauseTimer } from "./pause-timer";
import { resetTimer } from "./reset-timer";
import { serverTime } from "./server-time";
import { showWall } from "./show-wall";
import { startPhase } from "./start-phase";
import { startTimer } from "./start-timer";

/** The running-the-room commands, spread into lib/realtime/handlers.ts. */
export const roomHandlers: Pick<HandlerTable, keyof typeof roomCommandSchemas> = {
  "event:time": serverTime,
  "phase:next": startNextPhase,
  "phase:start": startPhase,
  "timer:start": startTimer,
  "timer:pause": pauseTimer,
  "timer:extend": extendTimer,
  "timer:reset": resetTimer,
  "screen:show": showWall,
};
