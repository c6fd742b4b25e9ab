import { describe, expect, it } from "vitest";
import { bodyPace } from "./body-pace";

const rule = { graceMs: 10_000, windowMs: 20_000, minBytesPerSecond: 1_000 };

/** Feeds a pace the bytes received at each second, checked every second; the second it said "slow", or null. */
const cutOffAt = (bytesAt: (second: number) => number, seconds = 600, heldBack = (_s: number) => false) => {
  const pace = bodyPace(rule, 0);
  for (let s = 0; s <= seconds; s++) if (pace.check(s * 1000, bytesAt(s), heldBack(s)) === "slow") return s;
  return null;
};

describe("how slowly a body may arrive", () => {
  it("lets a slow phone finish, however long its body takes", () => {
    // 4 KB/s: four times the minimum, for ten minutes.
    expect(cutOffAt((s) => s * 4_000)).toBeNull();
    // Nothing at all for the grace period (a waking radio), then steady.
    expect(cutOffAt((s) => Math.max(0, s - 10) * 2_000)).toBeNull();
  });

  it("cuts off a sender that stops, or trickles", () => {
    // All but the last bytes at once, then nothing: cut off within grace + one window.
    const stopped = cutOffAt((s) => Math.min(s, 3) * 1_000_000);
    expect(stopped).not.toBeNull();
    expect(stopped).toBeLessThanOrEqual(31);
    // A byte a second, for ever.
    expect(cutOffAt((s) => s)).not.toBeNull();
  });

  it("does not blame the sender for the time the server kept its bytes waiting unread", () => {
    // Nothing arrives for two minutes while the server is busy, then the body comes at pace.
    const busy = (s: number) => s < 120;
    expect(cutOffAt((s) => (s < 120 ? 0 : (s - 120) * 2_000), 600, busy)).toBeNull();
    // Without that, the same gap is a sender who stopped.
    expect(cutOffAt((s) => (s < 120 ? 0 : (s - 120) * 2_000))).not.toBeNull();
  });
});
