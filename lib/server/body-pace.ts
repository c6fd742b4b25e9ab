/**
 * How slowly a request body may arrive before it is cut off. A phone on crowded venue Wi-Fi
 * may upload at 750 kbps (about 91 KB/s: an 8 MB photo in a minute and a half, a check-in's
 * four in six minutes) and stall for a few seconds when its radio wakes; a sender holding memory
 * on purpose sends a few bytes now and then, or nothing. Two rules, each with room for the slow
 * phone:
 *
 * - every window must bring a minimum of bytes, after a grace period: 4 KB/s over 20 s windows
 *   after 15 s, so a sender that stops is cut off within 35 s, whatever the body's size;
 * - the whole body must be in within a time sized to it: that first judgement (35 s) plus its
 *   bytes at 32 KB/s, a third of the slow phone and what a slow 3G uplink (384 kbps, 47 KB/s)
 *   still makes. An 8 MB photo has 4 min 51 s, a check-in 18 minutes, an import 28; an 8 MB
 *   body trickled at 4 KB/s (which every window accepts) holds its bytes for those 5 minutes,
 *   not the 34 its trickle would take.
 */
export type PaceRule = {
  /** Time before the first window: headers and the first bytes on a waking radio. */
  graceMs: number;
  /** The length of each window judged. */
  windowMs: number;
  /** The least each window must bring, per second. */
  minBytesPerSecond: number;
  /** The pace the whole body must keep on average, after the grace period and a first window. */
  averageBytesPerSecond: number;
};

const kb = 1024;
export const defaultPace: PaceRule = {
  graceMs: 15_000,
  windowMs: 20_000,
  minBytesPerSecond: 4 * kb,
  averageBytesPerSecond: 32 * kb,
};

/**
 * Judges one body of up to `bytes`, started at `startedAt`: `check` is given the time, the bytes
 * received so far, and whether bytes are waiting unread on our side (the server is busy, or a
 * route handler has not started reading): that time is ours, not the sender's, so the window
 * starts again and the time since the last check is added to the body's time limit. The caller
 * stops checking once the body is in.
 */
export function bodyPace(rule: PaceRule, startedAt: number, bytes: number) {
  let windowStart = startedAt + rule.graceMs;
  let windowBytes: number | null = null; // bytes at the window's start, known at the first check in it
  let deadline = windowStart + rule.windowMs + (bytes * 1000) / rule.averageBytesPerSecond;
  let lastCheck = startedAt;
  return {
    check(now: number, received: number, heldBack: boolean): "ok" | "slow" {
      if (heldBack) deadline += now - lastCheck;
      lastCheck = now;
      if (now > deadline) return "slow";
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
