/**
 * How slowly a request body may arrive before it is cut off. A phone on crowded venue Wi-Fi
 * may upload at 750 kbps (a check-in's four 8 MB photos then take about six minutes) and stall
 * for a few seconds when its radio wakes; a sender holding memory on purpose sends a few bytes
 * now and then, or nothing. So no fixed time limit (it would cut off the slow phone or let the
 * trickle run for minutes): after a grace period, every window must bring at least a minimum
 * of bytes. The default asks for 4 KB/s over 20 s windows, 1/20 of that slow phone, so a body
 * of N bytes is done, or cut off, within about 15 s + N / 4 KB/s, and a sender that stops is
 * cut off within 35 s.
 */
export type PaceRule = {
  /** Time before the first window: headers and the first bytes on a waking radio. */
  graceMs: number;
  /** The length of each window judged. */
  windowMs: number;
  /** The least each window must bring, per second. */
  minBytesPerSecond: number;
};

export const defaultPace: PaceRule = { graceMs: 15_000, windowMs: 20_000, minBytesPerSecond: 4 * 1024 };

/**
 * Judges one body, started at `startedAt`: `check` is given the time, the bytes received so far,
 * and whether bytes are waiting unread on our side (the server is busy, or a route handler has not
 * started reading): that time is ours, not the sender's, and the window starts again.
 */
export function bodyPace(rule: PaceRule, startedAt: number) {
  let windowStart = startedAt + rule.graceMs;
  let windowBytes: number | null = null; // bytes at the window's start, known at the first check in it
  return {
    check(now: number, received: number, heldBack: boolean): "ok" | "slow" {
      if (now < windowStart) return "ok";
      if (heldBack || windowBytes === null) {
        windowStart = now;
        windowBytes = received;
        return "ok";
      }
      const elapsed = now - windowStart;
      if (elapsed < rule.windowMs) return "ok";
      if (received - windowBytes < (rule.minBytesPerSecond * elapsed) / 1000) return "slow";
      windowStart = now;
      windowBytes = received;
      return "ok";
    },
  };
}
