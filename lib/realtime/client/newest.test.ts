import { describe, expect, it } from "vitest";
import { newer } from "./newest";

type Tally = { roundId: string; version: number; dots: number };
const sameRound = (a: Tally, b: Tally) => a.roundId === b.roundId;

describe("newer", () => {
  it("keeps the higher version when two processes' messages cross", () => {
    const fresh = { roundId: "r", version: 5, dots: 9 };
    const stale = { roundId: "r", version: 3, dots: 7 };
    expect(newer(fresh, stale, sameRound)).toBe(fresh);
    expect(newer(stale, fresh, sameRound)).toBe(fresh);
  });

  it("takes an equal version (a reveal re-sends the same votes with tallies shown)", () => {
    const hidden = { roundId: "r", version: 5, dots: 9 };
    const shown = { roundId: "r", version: 5, dots: 9 };
    expect(newer(hidden, shown, sameRound)).toBe(shown);
  });

  it("replaces on a new round or when there was nothing", () => {
    const old = { roundId: "a", version: 50, dots: 1 };
    const next = { roundId: "b", version: 1, dots: 0 };
    expect(newer(old, next, sameRound)).toBe(next);
    expect(newer(null, next, sameRound)).toBe(next);
  });
});
