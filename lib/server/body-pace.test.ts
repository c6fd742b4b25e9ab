import { describe, expect, it } from "vitest";
import { bodyPace, defaultPace, type PaceRule } from "./body-pace";

// Judged by its windows only, unless a test gives the body a size (which sets its time limit).
const rule = { graceMs: 10_000, windowMs: 20_000, minBytesPerSecond: 1_000, averageBytesPerSecond: 8_000 };
const mb = 1024 * 1024;

/**
 * Feeds a pace a body of `size` bytes, received as `bytesAt` says at each second, checked every
 * second until it is all in; the second it said "slow", or null.
 */
const cutOffAt = (
  bytesAt: (second: number) => number,
  options: { size?: number; seconds?: number; heldBack?: (s: number) => boolean; pace?: PaceRule } = {},
) => {
  const { size = Number.POSITIVE_INFINITY, seconds = 600, heldBack = () => false } = options;
  const pace = bodyPace(options.pace ?? rule, 0, size);
  for (let s = 0; s <= seconds; s++) {
    const received = Math.min(bytesAt(s), size);
    if (received >= size) return null;
    if (pace.check(s * 1000, received, heldBack(s)) === "slow") return s;
  }
  return null;
};

describe("how slowly a body may arrive", () => {
  it("lets a body that keeps coming finish", () => {
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
    expect(cutOffAt((s) => (s < 120 ? 0 : (s - 120) * 2_000), { heldBack: busy })).toBeNull();
    // Without that, the same gap is a sender who stopped.
    expect(cutOffAt((s) => (s < 120 ? 0 : (s - 120) * 2_000))).not.toBeNull();
  });
});

describe("how long a body may take, by its size", () => {
  const photo = 8 * mb;
  const upload = (bytesPerSecond: number, options: { stallSeconds?: number; heldBack?: (s: number) => boolean } = {}) =>
    cutOffAt((s) => Math.max(0, s - (options.stallSeconds ?? 0)) * bytesPerSecond, {
      size: photo,
      seconds: 3_600,
      pace: defaultPace,
      heldBack: options.heldBack,
    });

  it("lets a phone on venue Wi-Fi (750 kbps up), or a slow 3G one (384 kbps), send an 8 MB photo", () => {
    expect(upload(750_000 / 8)).toBeNull();
    expect(upload(384_000 / 8)).toBeNull();
    // Its radio waking first.
    expect(upload(384_000 / 8, { stallSeconds: 10 })).toBeNull();
  });

  it("cuts off an 8 MB body trickled at a pace every window accepts within five minutes, not the 34 it would take", () => {
    const trickle = upload(4.1 * 1024);
    expect(trickle).not.toBeNull();
    expect(trickle).toBeLessThanOrEqual(300);
  });

  it("adds the time the server kept the bytes waiting unread to the body's time", () => {
    // Two minutes held back, then 40 KB/s: 5½ minutes in all, past the photo's own time limit.
    const heldFirst = (s: number) => s < 120;
    expect(upload(40_000, { stallSeconds: 120, heldBack: heldFirst })).toBeNull();
  });
});
