import { describe, expect, it } from "vitest";
import type { RoundView, TallyView } from "@/lib/realtime/contract";
import { changeDots, votesRoom } from "./voting-state";

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

  it("counts my dots up and down", () => {
    expect(changeDots(changeDots({}, "a", 1), "a", 1)).toEqual({ a: 2 });
    expect(changeDots({ a: 1 }, "a", -1)).toEqual({});
  });
});
