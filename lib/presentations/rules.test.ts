import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translator";
import {
  advance,
  combineResults,
  criteriaFromSuccess,
  criteriaFromWords,
  criteriaInWords,
  criterionRenames,
  fallbackCriteria,
  judgeTeam,
  leftOutTeamIds,
  mayVoteFor,
  moveBy,
  moveTo,
  nextUp,
  nextUpTitle,
  normaliseOrder,
  presentingTeamIds,
  pressedOnCurrentStage,
  type RunRules,
  shuffle,
  stageClock,
} from "./rules";

const run = (over: Partial<RunRules> = {}): RunRules => ({
  order: ["a", "b", "c"],
  currentTeamId: null,
  stage: "waiting",
  stageStartedAt: null,
  pausedAt: null,
  presentSeconds: 300,
  questionsSeconds: 60,
  ...over,
});

describe("running order", () => {
  it("drops teams that are gone and adds new ones last", () => {
    expect(normaliseOrder(["c", "x", "a", "a"], ["a", "b", "c"])).toEqual(["c", "a", "b"]);
  });
  it("moves a team one place with the keyboard, and not past the ends", () => {
    expect(moveBy(["a", "b", "c"], "b", -1)).toEqual(["b", "a", "c"]);
    expect(moveBy(["a", "b", "c"], "c", 1)).toEqual(["a", "b", "c"]);
    expect(moveBy(["a", "b", "c"], "a", -1)).toEqual(["a", "b", "c"]);
  });
  it("drops a dragged team where it lands", () => {
    expect(moveTo(["a", "b", "c"], "a", 2)).toEqual(["b", "c", "a"]);
    expect(moveTo(["a", "b", "c"], "c", 0)).toEqual(["c", "a", "b"]);
    expect(moveTo(["a", "b", "c"], "c", 99)).toEqual(["a", "b", "c"]);
  });
  it("shuffles to a permutation of the same teams", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const out = shuffle(["a", "b", "c", "d", "e"], random);
    expect([...out].sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(shuffle(["a", "b", "c"], () => 0)).toEqual(["b", "c", "a"]);
  });
});

describe("who presents", () => {
  const teams = [
    { id: "a", members: 3 },
    { id: "empty", members: 0 },
    { id: "b", members: 1 },
  ];
  it("leaves out a team nobody joined", () => {
    expect(presentingTeamIds(teams, [])).toEqual(["a", "b"]);
    expect(leftOutTeamIds(teams, [])).toEqual(["empty"]);
  });
  it("keeps an empty team the staff added, in the teams' order", () => {
    expect(presentingTeamIds(teams, ["empty"])).toEqual(["a", "empty", "b"]);
    expect(leftOutTeamIds(teams, ["empty"])).toEqual([]);
  });
  it("ignores an addition of a team that is gone, and keeps a joined team whatever", () => {
    expect(presentingTeamIds(teams, ["gone", "a"])).toEqual(["a", "b"]);
    expect(presentingTeamIds([], ["gone"])).toEqual([]);
  });
});

describe("presenter steps", () => {
  it("runs presenting → questions → next team → finished with one key", () => {
    let r = run();
    const steps: string[] = [];
    for (let t = 1; t <= 7; t++) {
      const p = advance(r, "next", t);
      if (!p) break;
      r = { ...r, ...p };
      steps.push(`${r.currentTeamId ?? "-"}:${r.stage}`);
    }
    expect(steps).toEqual([
      "a:presenting",
      "a:questions",
      "b:presenting",
      "b:questions",
      "c:presenting",
      "c:questions",
      "-:finished",
    ]);
    expect(advance(r, "next", 9)).toBeNull();
  });
  it("skips questions when there is no time for them", () => {
    const r = run({ questionsSeconds: 0, currentTeamId: "a", stage: "presenting", stageStartedAt: 0 });
    expect(advance(r, "next", 5)).toEqual({ currentTeamId: "b", stage: "presenting", stageStartedAt: 5, pausedAt: null });
  });
  // Every stage of a three-team run, in the order "next" visits them.
  const stages = (questionsSeconds: number) => {
    const out: Partial<RunRules>[] = [{ stage: "waiting", currentTeamId: null }];
    for (const id of ["a", "b", "c"]) {
      out.push({ stage: "presenting", currentTeamId: id, stageStartedAt: 1 });
      if (questionsSeconds > 0) out.push({ stage: "questions", currentTeamId: id, stageStartedAt: 1 });
    }
    out.push({ stage: "finished", currentTeamId: null });
    return out;
  };
  const at = (p: { currentTeamId: string | null; stage: string } | null) => (p ? `${p.currentTeamId ?? "-"}:${p.stage}` : "none");
  for (const questionsSeconds of [60, 0]) {
    it(`back always goes back one stage and next one stage on, from every stage (${questionsSeconds ? "with" : "without"} questions)`, () => {
      const all = stages(questionsSeconds);
      all.forEach((here, k) => {
        const r = run({ ...here, questionsSeconds });
        const before = all[k - 1];
        const after = all[k + 1];
        expect(at(advance(r, "previous", 5)), `previous from ${at(r)}`).toBe(before ? at(run(before)) : "none");
        expect(at(advance(r, "next", 5)), `next from ${at(r)}`).toBe(after ? at(run(after)) : "none");
      });
    });
  }
  it("back from the first team's questions returns to its presentation, with a fresh clock", () => {
    expect(advance(run({ currentTeamId: "a", stage: "questions", stageStartedAt: 1, pausedAt: 3 }), "previous", 5)).toEqual({
      currentTeamId: "a",
      stage: "presenting",
      stageStartedAt: 5,
      pausedAt: null,
    });
    expect(advance(run({ currentTeamId: "a", stage: "presenting", stageStartedAt: 1 }), "previous", 5)).toEqual({
      currentTeamId: null,
      stage: "waiting",
      stageStartedAt: null,
      pausedAt: null,
    });
  });
  it("back from a team no longer in the order starts again from the top", () => {
    expect(at(advance(run({ currentTeamId: "gone", stage: "questions" }), "previous", 5))).toBe("-:waiting");
  });
  it("resets a rehearsal to not started from any stage, and changes nothing when not started", () => {
    for (const here of stages(60).slice(1)) {
      expect(advance(run({ ...here, pausedAt: 2 }), "reset", 5)).toEqual({
        currentTeamId: null,
        stage: "waiting",
        stageStartedAt: null,
        pausedAt: null,
      });
    }
    expect(advance(run(), "reset", 5)).toBeNull();
  });
  it("applies a step only when pressed against the stage that is on", () => {
    const r = run({ currentTeamId: "a", stage: "presenting" });
    expect(pressedOnCurrentStage(r, { teamId: "a", stage: "presenting" })).toBe(true);
    // The second of two quick presses: same team, but its presentation has already moved to questions.
    expect(pressedOnCurrentStage({ ...r, stage: "questions" }, { teamId: "a", stage: "presenting" })).toBe(false);
    expect(pressedOnCurrentStage(r, { teamId: "b", stage: "presenting" })).toBe(false);
    expect(pressedOnCurrentStage(run(), { teamId: null, stage: "waiting" })).toBe(true);
    // Older screens say only the team, or nothing.
    expect(pressedOnCurrentStage(r, { teamId: "a" })).toBe(true);
    expect(pressedOnCurrentStage(r, {})).toBe(true);
  });
  it("says who is next up", () => {
    expect(nextUp(run())).toBe("a");
    expect(nextUp(run({ currentTeamId: "b", stage: "presenting" }))).toBe("c");
    expect(nextUp(run({ currentTeamId: "c", stage: "presenting" }))).toBeNull();
  });
  it("names what the next team made beside it only when that says more than the team's own name", () => {
    expect(nextUpTitle("Bin Day App", "Healthwatch")).toBe("Bin Day App");
    // "Healthwatch · Team Healthwatch" said the name twice: the team alone is named.
    expect(nextUpTitle("Healthwatch", "Healthwatch")).toBeNull();
    expect(nextUpTitle(" healthwatch ", "Healthwatch")).toBeNull();
    expect(nextUpTitle("", "Healthwatch")).toBeNull();
    expect(nextUpTitle(undefined, "Healthwatch")).toBeNull();
  });
});

describe("the clock", () => {
  it("counts down the presentation and warns in the last minute", () => {
    const r = run({ currentTeamId: "a", stage: "presenting", stageStartedAt: 1000 });
    expect(stageClock(r, 1000)).toEqual({
      totalMs: 300_000,
      remainingMs: 300_000,
      warning: false,
      overtime: false,
      paused: false,
    });
    expect(stageClock(r, 1000 + 239_999)?.warning).toBe(false);
    expect(stageClock(r, 1000 + 240_000)?.warning).toBe(true);
    expect(stageClock(r, 1000 + 400_000)).toMatchObject({ remainingMs: 0, overtime: true, warning: true });
  });
  it("warns in the last fifth of a short slot, and uses the questions time", () => {
    const r = run({ currentTeamId: "a", stage: "questions", stageStartedAt: 0 });
    expect(stageClock(r, 47_000)?.warning).toBe(false);
    expect(stageClock(r, 48_000)?.warning).toBe(true);
  });
  it("has no clock while nobody is on", () => {
    expect(stageClock(run(), 5)).toBeNull();
  });
  it("stands still while paused and carries on with what it had left", () => {
    let r = run({ currentTeamId: "a", stage: "presenting", stageStartedAt: 0 });
    r = { ...r, ...advance(r, "pause", 100_000) };
    expect(stageClock(r, 100_000)).toMatchObject({ remainingMs: 200_000, paused: true });
    expect(stageClock(r, 500_000)).toMatchObject({ remainingMs: 200_000, paused: true, overtime: false });
    expect(advance(r, "pause", 200_000)).toBeNull();

    r = { ...r, ...advance(r, "resume", 700_000) };
    expect(r).toMatchObject({ currentTeamId: "a", stage: "presenting", stageStartedAt: 600_000, pausedAt: null });
    expect(stageClock(r, 700_000)).toMatchObject({ remainingMs: 200_000, paused: false });
    expect(stageClock(r, 710_000)?.remainingMs).toBe(190_000);
    expect(advance(r, "resume", 720_000)).toBeNull();
  });
  it("pauses only a clock that is running, and any move starts a running one", () => {
    expect(advance(run(), "pause", 5)).toBeNull();
    expect(advance(run({ stage: "finished" }), "pause", 5)).toBeNull();
    const paused = run({ currentTeamId: "a", stage: "presenting", stageStartedAt: 0, pausedAt: 50 });
    expect(advance(paused, "next", 90)).toMatchObject({ stage: "questions", stageStartedAt: 90, pausedAt: null });
    expect(advance(paused, "restart-clock", 90)).toMatchObject({ stage: "presenting", stageStartedAt: 90, pausedAt: null });
    expect(advance(paused, "finish", 90)).toMatchObject({ stage: "finished", pausedAt: null });
  });
});

describe("people's choice", () => {
  it("refuses a vote for your own team only when the organiser says so", () => {
    expect(mayVoteFor("a", "a", true)).toBe(false);
    expect(mayVoteFor("a", "a", false)).toBe(true);
    expect(mayVoteFor("a", "b", true)).toBe(true);
    expect(mayVoteFor(null, "b", true)).toBe(true);
  });
});

describe("judging", () => {
  it("turns success lines into criteria", () => {
    expect(criteriaFromSuccess("- A working prototype\n\n* 10 residents tested it\n1. Owner signs off\n")).toEqual([
      "A working prototype",
      "10 residents tested it",
      "Owner signs off",
    ]);
    expect(criteriaFromSuccess("  ")).toEqual(fallbackCriteria);
  });
  it("averages each criterion over the judges and totals the averages", () => {
    const j = judgeTeam(
      ["x", "y", "z"],
      [
        { teamId: "a", judgeKey: "j1", criterion: "x", score: 4 },
        { teamId: "a", judgeKey: "j2", criterion: "x", score: 5 },
        { teamId: "a", judgeKey: "j1", criterion: "y", score: 3 },
        { teamId: "a", judgeKey: "j1", criterion: "gone", score: 5 },
      ],
    );
    expect(j).toEqual({ averages: { x: 4.5, y: 3 }, total: 7.5, max: 15, judges: 2 });
  });
  it("combines judges and people's choice half and half", () => {
    const rows = combineResults(
      [
        { teamId: "a", criteria: ["x", "y"] },
        { teamId: "b", criteria: ["x", "y"] },
      ],
      [
        { teamId: "a", judgeKey: "j", criterion: "x", score: 5 },
        { teamId: "a", judgeKey: "j", criterion: "y", score: 5 },
        { teamId: "b", judgeKey: "j", criterion: "x", score: 3 },
        { teamId: "b", judgeKey: "j", criterion: "y", score: 2 },
      ],
      { a: 1, b: 4 },
    );
    // a: judges 100%, votes 25% → 62.5; b: judges 50%, votes 100% → 75.
    expect(rows.map((r) => [r.teamId, r.judgesPercent, r.votesPercent, r.combined, r.rank, r.votesRank])).toEqual([
      ["b", 50, 100, 75, 1, 1],
      ["a", 100, 25, 62.5, 2, 2],
    ]);
  });
  it("uses whichever exists when only one was used, and shares tied ranks", () => {
    const rows = combineResults(
      [
        { teamId: "a", criteria: ["x"] },
        { teamId: "b", criteria: ["x"] },
        { teamId: "c", criteria: ["x"] },
      ],
      [],
      { a: 2, b: 2 },
    );
    expect(rows.map((r) => [r.teamId, r.combined, r.rank, r.votesRank, r.judgesPercent])).toEqual([
      ["a", 100, 1, 1, null],
      ["b", 100, 1, 1, null],
      ["c", 0, 3, null, null],
    ]);
  });
});

describe("editing criteria", () => {
  it("moves scores with a criterion whose wording changed in place", () => {
    expect(criterionRenames(["Wroks", "Clear"], ["Works", "Clear"])).toEqual([["Wroks", "Works"]]);
    expect(criterionRenames(["A", "B", "C"], ["A2", "B", "C2"])).toEqual([
      ["A", "A2"],
      ["C", "C2"],
    ]);
  });
  it("renames nothing on a reorder, an addition or a removal", () => {
    expect(criterionRenames(["A", "B"], ["B", "A"])).toEqual([]);
    expect(criterionRenames(["A", "B"], ["A", "B", "C"])).toEqual([]);
    expect(criterionRenames(["A", "B"], ["B"])).toEqual([]);
    // A swap that also rewords one is ambiguous: nothing moves.
    expect(criterionRenames(["A", "B"], ["B", "A!"])).toEqual([]);
  });
  it("shows Made In's own criteria in the facilitator's language, and saves them unchanged under their stored names", () => {
    const t = translator("pl", "presentations");
    const polish = (key: string) => t(`fallbackCriteria.${key}`);
    const shown = criteriaInWords([...fallbackCriteria, "Residents tried it"], polish);
    expect(shown).toEqual([
      "Problem jest jasno określony",
      "To, co powstało, działa",
      "Można to kontynuować",
      "Residents tried it",
    ]);
    // Left as shown, one reworded, one added: only the words the facilitator wrote are stored as written.
    const typed = [shown[0] ?? "", "Działa na telefonie", shown[2] ?? "", shown[3] ?? "", "Nowe"];
    expect(criteriaFromWords(typed, polish)).toEqual([
      "The problem is clear",
      "Działa na telefonie",
      "It can be taken forward",
      "Residents tried it",
      "Nowe",
    ]);
    // So saving the list untouched renames nothing, and judges' scores stay where they were.
    expect(criterionRenames(fallbackCriteria, criteriaFromWords(criteriaInWords(fallbackCriteria, polish), polish))).toEqual([]);
  });
});
