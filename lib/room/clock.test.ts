import { describe, expect, it } from "vitest";
import { bestOffset, offsetOf } from "./clock";

describe("a screen's offset to the server clock", () => {
  it("takes the server's reading as made halfway through the round trip", () => {
    // The phone's clock is 90 s fast; the trip took 200 ms each way.
    expect(offsetOf({ sentAt: 100_000, receivedAt: 100_400, serverNow: 10_200 })).toBe(-90_000);
  });

  it("trusts the sample with the shortest round trip", () => {
    const samples = [
      { sentAt: 0, receivedAt: 2_000, serverNow: 5_300 }, // slow: says +4300
      { sentAt: 3_000, receivedAt: 3_040, serverNow: 8_020 }, // quick: says +5000
    ];
    expect(bestOffset(samples)).toBe(5_000);
  });

  it("is zero without a usable sample", () => {
    expect(bestOffset([])).toBe(0);
    expect(bestOffset([{ sentAt: 10, receivedAt: 5, serverNow: 100 }])).toBe(0);
  });
});
