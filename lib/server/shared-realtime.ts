import type { Realtime } from "@/lib/realtime/socket-server";

const key = Symbol.for("madein.realtime");
type WithRealtime = typeof globalThis & { [key]?: Realtime };

/** The socket server lives in server.ts's module graph; pages reach it through globalThis. */
export function setSharedRealtime(realtime: Realtime) {
  (globalThis as WithRealtime)[key] = realtime;
}

export function sharedRealtime(): Realtime | undefined {
  return (globalThis as WithRealtime)[key];
}
