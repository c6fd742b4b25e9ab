import type { ReadHandler } from "@/lib/realtime/handler";

/** The server's clock, read as late as possible so the round trip's midpoint is honest. */
export const serverTime: ReadHandler<"event:time"> = {
  kind: "read",
  permission: "readEvent",
  read: async () => ({ result: { now: Date.now() } }),
};
