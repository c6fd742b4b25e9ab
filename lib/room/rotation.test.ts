import { describe, expect, it } from "vitest";
import { rotationIndex, untilNextTurn } from "./rotation";

describe("rotating through team boards", () => {
  it("turns every interval from when the rotation started, round and round", () => {
    const start = 1_000_000;
    expect(rotationIndex(start, start, 3, 20_000)).toBe(0);
    expect(rotationIndex(start, start + 19_999, 3, 20_000)).toBe(0);
    expect(rotationIndex(start, start + 20_000, 3, 20_000)).toBe(1);
    expect(rotationIndex(start, start + 60_000, 3, 20_000)).toBe(0);
  });

  it("is the same on two screens at the same server time, whatever their own clocks say", () => {
    const start = 5_000;
    const serverNow = 71_000;
    expect(rotationIndex(start, serverNow, 4)).toBe(rotationIndex(start, serverNow, 4));
  });

  it("has nothing to show without boards, and waits at the first when the screen is behind", () => {
    expect(rotationIndex(0, 100_000, 0)).toBe(-1);
    expect(rotationIndex(10_000, 5_000, 3)).toBe(0);
  });

  it("says how long until the next turn", () => {
    expect(untilNextTurn(0, 5_000, 20_000)).toBe(15_000);
  });
});
