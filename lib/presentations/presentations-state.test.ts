import { describe, expect, it } from "vitest";
import { presentationSnapshot as snapshot } from "@/test/support/presentation-snapshot";
import { presentationsRoom, withoutBurst } from "./presentations-state";

describe("the presentations room's reducer", () => {
  it("carries a judge's score over to a reworded criterion", () => {
    const s = presentationsRoom.apply(presentationsRoom.init(snapshot), {
      name: "presentation:criteria-changed",
      data: { teamId: "a", criteria: ["Clear", "Really useful"], renamed: [["Useful", "Really useful"]] },
    });
    expect(s.criteria.a).toEqual(["Clear", "Really useful"]);
    expect(s.me.scores.a).toEqual({ Clear: 4, "Really useful": 2 });
  });

  it("renames a known team, and reloads for a new one (its showcase, criteria and place come with the snapshot)", () => {
    const s = presentationsRoom.init(snapshot);
    const renamed = { name: "presentation:team-changed" as const, data: { team: { id: "a", name: "Green", briefTitle: null } } };
    expect(presentationsRoom.reload?.(s, renamed)).toBe(false);
    expect(presentationsRoom.apply(s, renamed).teams[0]?.name).toBe("Green");
    const added = { name: "presentation:team-changed" as const, data: { team: { id: "b", name: "New", briefTitle: null } } };
    expect(presentationsRoom.reload?.(s, added)).toBe(true);
  });

  it("tells a phone it judges (or no longer does) by key; staff screens reload for the judges' names", () => {
    const phone = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, judge: false } });
    const made = { name: "presentation:judges-changed" as const, data: { judgeKeys: ["a:9", "p:1"] } };
    expect(presentationsRoom.reload?.(phone, made)).toBe(false);
    const judging = presentationsRoom.apply(phone, made);
    expect(judging.me.judge).toBe(true);
    expect(judging.judges).toBeNull();
    const unmade = { name: "presentation:judges-changed" as const, data: { judgeKeys: ["a:9"] } };
    expect(presentationsRoom.apply(judging, unmade).me.judge).toBe(false);
    const staffScreen = presentationsRoom.init({ ...snapshot, judges: [{ key: "a:9", name: "Sam" }], people: [] });
    expect(presentationsRoom.reload?.(staffScreen, made)).toBe(true);
  });

  it("reads the feedback again on the screens of the team it was written to and of the staff, and nowhere else", () => {
    const given = { name: "presentation:feedback-given", data: { teamId: "a" } } as const;
    const member = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, teamId: "a" } });
    const otherTeam = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, teamId: "b" } });
    const staffScreen = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, staff: true } });
    expect([member, otherTeam, staffScreen].map((s) => presentationsRoom.reload?.(s, given))).toEqual([true, false, true]);
  });

  it("floats each reaction up as a burst, and lets it go by its id", () => {
    let s = presentationsRoom.init(snapshot);
    for (const kind of ["clap", "love"] as const) {
      s = presentationsRoom.apply(s, { name: "presentation:reacted", data: { teamId: "a", kind, counts: { [kind]: 1 } } });
    }
    expect(s.bursts.map((b) => [b.id, b.kind])).toEqual([
      [1, "clap"],
      [2, "love"],
    ]);
    expect(withoutBurst(s, 1).bursts.map((b) => b.id)).toEqual([2]);
  });

  it("shows the projected results and takes them down again", () => {
    const row = { teamId: "a", rank: 1, title: "Pocket parks", teamName: "Parks", combined: 100, votes: 3, judgesPercent: null };
    const shown = presentationsRoom.apply(presentationsRoom.init(snapshot), {
      name: "presentation:results-shown",
      data: { results: [row] },
    });
    expect(shown.results?.[0]?.title).toBe("Pocket parks");
    expect(presentationsRoom.apply(shown, { name: "presentation:results-shown", data: { results: null } }).results).toBeNull();
  });
});
