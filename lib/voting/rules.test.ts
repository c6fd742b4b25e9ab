import { describe, expect, it } from "vitest";
import { freeSlot, rank, refuseCast, refuseRetract, settleShortlist, shortlist } from "./rules";

const open = { status: "open" as const, dotsPerPerson: 3, maxPerTarget: 2, endsAt: null };

describe("casting dots", () => {
  it("allows dots up to the budget and the per-note maximum, and says why not beyond", () => {
    expect(refuseCast(open, {}, "a", 0)).toBeNull();
    expect(refuseCast(open, { a: 1 }, "a", 0)).toBeNull();
    expect(refuseCast(open, { a: 2 }, "a", 0)?.message).toBe("You can put at most 2 dots on one note.");
    expect(refuseCast({ ...open, maxPerTarget: 1 }, { a: 1 }, "a", 0)?.message).toBe("You can put only one dot on each note.");
    expect(refuseCast(open, { a: 2, b: 1 }, "c", 0)?.message).toMatch(/used all your dots/);
  });

  it("names what the vote is on when it refuses: a group, a note or group, a team", () => {
    const on = (targets: "notes" | "groups" | "both" | "teams", maxPerTarget = 2) => ({ ...open, targets, maxPerTarget });
    expect(refuseCast(on("groups"), { a: 2 }, "a", 0)?.message).toBe("You can put at most 2 dots on one group.");
    expect(refuseCast(on("groups", 1), { a: 1 }, "a", 0)?.message).toBe("You can put only one dot on each group.");
    expect(refuseCast(on("both"), { a: 2 }, "a", 0)?.message).toBe("You can put at most 2 dots on one note or group.");
    expect(refuseCast(on("teams", 1), { a: 1 }, "a", 0)?.message).toBe("You can put only one dot on each team.");
    expect(refuseCast(on("notes"), { a: 2 }, "a", 0)?.message).toBe("You can put at most 2 dots on one note.");
    expect(refuseRetract(on("groups"), {}, "a", 0)?.message).toBe("You have no dot on that group.");
    expect(refuseRetract(on("teams"), {}, "a", 0)?.message).toBe("You have no dot on that team.");
  });

  it("refuses dots on a closed round, or after its time limit", () => {
    expect(refuseCast({ ...open, status: "closed" }, {}, "a", 0)?.message).toBe("Voting has closed.");
    expect(refuseCast({ ...open, endsAt: 100 }, {}, "a", 99)).toBeNull();
    expect(refuseCast({ ...open, endsAt: 100 }, {}, "a", 100)?.message).toBe("Voting has closed.");
    expect(refuseRetract({ ...open, status: "revealed" }, { a: 1 }, "a", 0)?.message).toBe("Voting has closed.");
  });

  it("takes back only a dot you placed", () => {
    expect(refuseRetract(open, { a: 1 }, "a", 0)).toBeNull();
    expect(refuseRetract(open, {}, "a", 0)?.message).toBe("You have no dot on that note.");
  });

  it("fills the lowest free slot, and has none once the budget is spent", () => {
    expect(freeSlot([], 3)).toBe(0);
    expect(freeSlot([0, 2], 3)).toBe(1);
    expect(freeSlot([0, 1, 2], 3)).toBeNull();
  });
});

describe("ranking and shortlist", () => {
  it("ranks most dots first with shared ranks for ties, leaving out notes without dots", () => {
    expect(rank({ a: 3, b: 5, c: 3, d: 0, e: 1 })).toEqual([
      { targetId: "b", dots: 5, rank: 1 },
      { targetId: "a", dots: 3, rank: 2 },
      { targetId: "c", dots: 3, rank: 2 },
      { targetId: "e", dots: 1, rank: 4 },
    ]);
  });

  it("takes the top K outright when there is no tie at the cut", () => {
    expect(shortlist({ a: 5, b: 4, c: 3, d: 1 }, 2)).toEqual({ chosen: ["a", "b"], tied: [], openPlaces: 0 });
    expect(shortlist({ a: 5, b: 4 }, 8)).toEqual({ chosen: ["a", "b"], tied: [], openPlaces: 0 });
  });

  it("shows a tie at the cut for the facilitator to break, and checks their choice", () => {
    const list = shortlist({ a: 5, b: 3, c: 3, d: 3, e: 1 }, 2);
    expect(list).toEqual({ chosen: ["a"], tied: ["b", "c", "d"], openPlaces: 1 });
    expect(settleShortlist(list, ["c"])).toEqual(["a", "c"]);
    expect(settleShortlist(list, ["c", "d"])).toEqual({ error: "Pick 1 of the 3 tied notes to fill the shortlist." });
    expect(settleShortlist(list, ["e"])).toEqual({ error: "Pick only among the tied notes." });
  });

  it("whittles 96 ideas down to 8", () => {
    const tallies = Object.fromEntries(Array.from({ length: 96 }, (_, i) => [`idea-${String(i).padStart(2, "0")}`, i % 12]));
    const list = shortlist(tallies, 8);
    expect(list.chosen.length + list.openPlaces).toBe(8);
    for (const id of list.chosen) expect(tallies[id]).toBe(11);
  });
});
