import { describe, expect, it } from "vitest";
import { afterChunk, roundFrom, walkStart } from "./command-log-scrub-walk";

describe("a scrub joining the walk through an event's command records", () => {
  it("is done once the walk has come back round to where it joined, not before", () => {
    const joined = { lap: 0, at: 400 };
    expect(roundFrom(joined, { lap: 0, at: 900 })).toBe(false);
    // Past the last record: the records before where it joined are still to read.
    expect(roundFrom(joined, { lap: 1, at: 0 })).toBe(false);
    expect(roundFrom(joined, { lap: 1, at: 300 })).toBe(false);
    expect(roundFrom(joined, { lap: 1, at: 400 })).toBe(true);
    expect(roundFrom(joined, { lap: 2, at: 0 })).toBe(true);
    // Joined at the first record: done as soon as the walk passes the last.
    expect(roundFrom(walkStart, { lap: 1, at: 0 })).toBe(true);
  });

  it("starts the next lap when a chunk comes short, and stays in this one when it is full", () => {
    expect(afterChunk({ lap: 2, at: 500 }, { count: 200, lastAt: 812 }, 200)).toEqual({ lap: 2, at: 812 });
    expect(afterChunk({ lap: 2, at: 812 }, { count: 37, lastAt: 900 }, 200)).toEqual({ lap: 3, at: 0 });
    expect(afterChunk({ lap: 2, at: 900 }, { count: 0, lastAt: 0 }, 200)).toEqual({ lap: 3, at: 0 });
  });
});
