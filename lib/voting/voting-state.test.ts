import { describe, expect, it } from "vitest";
import type { RoundView, TallyView } from "@/lib/realtime/contract";
import { changeDots, changedTargets, dotsLeft, tallyCounts, votesRoom } from "./voting-state";

const round = (id: string, status: RoundView["status"] = "open"): RoundView => ({
  id,
  boardId: "b",
  status,
  dotsPerPerson: 3,
  maxPerTarget: 2,
  targets: "notes",
  excludeOwnTeam: false,
  talliesLive: true,
  columns: null,
  shortlistSize: 8,
  endsAt: null,
  createdAt: 1,
  closedAt: null,
  revealedAt: null,
  shortlist: null,
  shortlistBoardId: null,
});
const tally = (roundId: string, version: number, dotsUsed: number): TallyView & { room: string } => ({
  roundId,
  version,
  voters: 1,
  dotsUsed,
  tallies: null,
  room: "votes:b",
});

describe("the votes room's reducer", () => {
  it("moves the last round into the history when a new one opens, and my dots start again", () => {
    let s = votesRoom.init({ seq: 1, round: round("r1"), tally: null, mine: { n1: 2 }, history: [] });
    s = votesRoom.apply(s, { name: "vote:round-changed", data: { round: round("r1", "closed") } });
    expect(s.mine).toEqual({ n1: 2 });
    s = votesRoom.apply(s, { name: "vote:round-changed", data: { round: round("r2") } });
    expect(s.round?.id).toBe("r2");
    expect(s.history.map((r) => [r.id, r.status])).toEqual([["r1", "closed"]]);
    expect(s.mine).toEqual({});
  });

  it("keeps the newer tally of a round, and takes a new round's at once", () => {
    let s = votesRoom.init({ seq: 0, round: round("r1"), tally: null, mine: {}, history: [] });
    s = votesRoom.apply(s, { name: "vote:tallied", data: tally("r1", 5, 5) });
    s = votesRoom.apply(s, { name: "vote:tallied", data: tally("r1", 4, 4) });
    expect(s.tally).toMatchObject({ version: 5, dotsUsed: 5 });
    expect(s.tally).not.toHaveProperty("room");
    s = votesRoom.apply(s, { name: "vote:tallied", data: tally("r2", 1, 1) });
    expect(s.tally).toMatchObject({ roundId: "r2" });
  });

  it("gives me back my dots on targets that are gone, in the current round only", () => {
    const s = votesRoom.init({ seq: 1, round: round("r1"), tally: null, mine: { a: 2, b: 1 }, history: [] });
    const back = votesRoom.apply(s, { name: "vote:dots-returned", data: { roundId: "r1", targetIds: ["a", "c"] } });
    expect(back.mine).toEqual({ b: 1 });
    expect(dotsLeft(back)).toBe(2);
    expect(votesRoom.apply(s, { name: "vote:dots-returned", data: { roundId: "r0", targetIds: ["a"] } })).toBe(s);
    expect(votesRoom.apply(s, { name: "vote:dots-returned", data: { roundId: "r1", targetIds: ["c"] } })).toBe(s);
  });

  it("counts my dots up and down", () => {
    expect(changeDots(changeDots({}, "a", 1), "a", 1)).toEqual({ a: 2 });
    expect(changeDots({ a: 1 }, "a", -1)).toEqual({});
  });

  it("counts the dots I have left, none without a round", () => {
    const s = votesRoom.init({ seq: 1, round: round("r1"), tally: null, mine: { a: 2 }, history: [] });
    expect(dotsLeft(s)).toBe(1);
    expect(dotsLeft({ ...s, mine: { a: 2, b: 2 } })).toBe(0);
    expect(dotsLeft({ ...s, round: null })).toBe(0);
    expect(dotsLeft(null)).toBe(0);
  });
});

describe("which targets a change of the voting state touches", () => {
  const base = votesRoom.init({
    seq: 1,
    round: round("r1"),
    tally: { ...tally("r1", 1, 2), tallies: { a: 1, b: 1 } },
    mine: { a: 1 },
    history: [],
  });

  it("names the notes whose dots changed, mine or the room's, and no others", () => {
    const cast = { ...base, mine: changeDots(base.mine, "b", 1) };
    expect(changedTargets(base, cast)).toEqual(new Set(["b"]));
    const retracted = { ...base, mine: changeDots(base.mine, "a", -1) };
    expect(changedTargets(base, retracted)).toEqual(new Set(["a"]));
    const tallied = votesRoom.apply(base, { name: "vote:tallied", data: { ...tally("r1", 2, 3), tallies: { a: 1, b: 2 } } });
    expect(changedTargets(base, tallied)).toEqual(new Set(["b"]));
    const newNote = votesRoom.apply(base, {
      name: "vote:tallied",
      data: { ...tally("r1", 3, 3), tallies: { a: 1, b: 1, c: 1 } },
    });
    expect(changedTargets(base, newNote)).toEqual(new Set(["c"]));
    expect(changedTargets(base, { ...base })).toEqual(new Set());
  });

  it("touches every target when the round changes, the tallies are shown or hidden, or the state comes or goes", () => {
    expect(
      changedTargets(base, votesRoom.apply(base, { name: "vote:round-changed", data: { round: round("r1", "closed") } })),
    ).toBe("all");
    expect(changedTargets(base, { ...base, tally: { ...tally("r1", 2, 2) } })).toBe("all");
    expect(changedTargets({ ...base, tally: null }, base)).toBe("all");
    expect(changedTargets(null, base)).toBe("all");
    expect(changedTargets(base, null)).toBe("all");
  });
});

describe("what a tally counts", () => {
  it("follows the round the tally is of: notes, groups, both, or neither for teams", () => {
    const of = (targets: RoundView["targets"]) => ({ ...round("r"), targets });
    const shown = { ...tally("r", 1, 2), tallies: { n1: 2 } };
    expect(tallyCounts({ round: of("groups"), history: [], tally: shown })).toEqual({ notes: false, groups: true });
    expect(tallyCounts({ round: of("notes"), history: [], tally: shown })).toEqual({ notes: true, groups: false });
    expect(tallyCounts({ round: of("both"), history: [], tally: shown })).toEqual({ notes: true, groups: true });
    expect(tallyCounts({ round: of("teams"), history: [], tally: shown })).toEqual({ notes: false, groups: false });
    // The tally of an earlier round, revealed, with a new one open: by the earlier round's targets.
    expect(tallyCounts({ round: { ...round("s"), targets: "notes" }, history: [of("groups")], tally: shown })).toEqual({
      notes: false,
      groups: true,
    });
    expect(tallyCounts({ round: null, history: [], tally: null })).toEqual({ notes: false, groups: false });
    // The same answer is the same object, so a screen handed it is not drawn again for nothing.
    expect(tallyCounts({ round: of("groups"), history: [], tally: shown })).toBe(
      tallyCounts({ round: of("groups"), history: [], tally: shown }),
    );
  });
});
