import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { createRoomWrites, fanoutCost, roomBudgetOf, roomWriteDefaults } from "./room-writes";

const screens = (counts: Record<string, number>) => (room: string) => counts[room] ?? 0;

describe("fanoutCost", () => {
  it("costs a write one, plus every screen each of its broadcasts reached", () => {
    const joined = [{ room: "teams:e", data: { person: { key: "p:1", name: "Sam", teamId: "t" }, fromTeamId: null } }];
    expect(fanoutCost(joined, screens({ "teams:e": 200 }))).toBe(201);
    const note = [{ room: "board:b", data: { note: { id: "n", text: "Benches" } } }];
    expect(fanoutCost(note, screens({ "board:b": 5, "teams:e": 200 }))).toBe(6);
    // A dot: its tally goes out batched, not as a broadcast of its own.
    expect(fanoutCost([], screens({ "teams:e": 200 }))).toBe(1);
    // Nobody following the room here: nothing told.
    expect(fanoutCost(note, screens({}))).toBe(1);
  });

  it("costs a long broadcast per KiB it carries to each screen", () => {
    const long = [{ room: "presentations:e", data: { teamId: "t", changes: { made: "中".repeat(4000) } } }];
    // 12 kB: twelve small messages' worth to each of 100 screens.
    expect(fanoutCost(long, screens({ "presentations:e": 100 }))).toBe(1 + 100 * 12);
  });
});

describe("roomBudgetOf", () => {
  it("pays dots and cheers from allowances of their own, other writes from the room's, and never holds back leaving", () => {
    expect(roomBudgetOf("vote:cast")).toBe("votes");
    expect(roomBudgetOf("vote:retract")).toBe("votes");
    expect(roomBudgetOf("presentation:react")).toBe("cheers");
    for (const name of ["team:join", "team:leave", "profile:update", "showcase:save", "note:move"] as const) {
      expect(roomBudgetOf(name)).toBe("writes");
    }
    expect(roomBudgetOf("event:leave")).toBeNull();
  });

  it("lets a room of 1,000 voting at the benchmark's rate through, with room to spare", () => {
    // bench/README.md: 1,000 phones casting up to 500 dots a second.
    expect(roomWriteDefaults.votes / roomWriteDefaults.seconds).toBeGreaterThanOrEqual(3 * 500);
  });
});

describe("createRoomWrites", () => {
  const setup = (points = { writes: 1000, votes: 100, cheers: 100, share: 1000 }) => {
    const waits: number[] = [];
    const limiter = (n: number) => new RateLimiterMemory({ points: n, duration: 2, keyPrefix: `l${Math.random()}` });
    const writes = limiter(points.writes);
    const votes = limiter(points.votes);
    const cheers = limiter(points.cheers);
    const share = limiter(points.share);
    let turns = 0;
    let clock = 0;
    const budget = createRoomWrites({
      writes,
      votes,
      cheers,
      share,
      // The window is not waited for here: a test says whether it has turned by then.
      sleep: async (ms) => {
        waits.push(ms);
        if (turns-- > 0) {
          await writes.delete("e");
          for (const person of ["a", "b"]) await share.delete(person);
        }
      },
      now: () => clock,
    });
    return { budget, writes, votes, cheers, share, waits, turnWindow: () => turns++, later: (ms: number) => (clock += ms) };
  };

  it("charges each write what it cost, and reserves about as much for the next of its kind", async () => {
    const { budget, writes } = setup();
    const first = await budget.admit("writes", "e", "team:join", "a");
    expect(first.admitted).toBe("now");
    await first.settle(201);
    expect((await writes.get("e"))?.consumedPoints).toBe(201);
    // The next team join reserves 201 before it runs; it told fewer screens, and is paid back.
    const second = await budget.admit("writes", "e", "team:join", "a");
    expect((await writes.get("e"))?.consumedPoints).toBe(402);
    await second.settle(101);
    expect((await writes.get("e"))?.consumedPoints).toBe(302);
  });

  it("past the budget, a crowd arriving together is held back, not let through on the last point", async () => {
    const { budget, waits } = setup();
    await (await budget.admit("writes", "e", "team:join", "a")).settle(201);
    // Twenty more at once: three fit in what is left of 1,000; the others wait, the window has not turned, and they are refused.
    const crowd = await Promise.all(Array.from({ length: 20 }, (_, i) => budget.admit("writes", "e", "team:join", `c${i}`)));
    expect(crowd.filter((w) => w.admitted === "now")).toHaveLength(3);
    expect(crowd.filter((w) => w.admitted === "refused")).toHaveLength(17);
    // Each of them is told the room is busy: none has spent a share of their own.
    expect(crowd.filter((w) => w.spent === "event")).toHaveLength(17);
    expect(waits).toHaveLength(17);
  });

  it("a write that waited for the window to turn goes through", async () => {
    const { budget, turnWindow } = setup();
    await (await budget.admit("writes", "e", "team:join", "a")).settle(1000);
    turnWindow();
    expect((await budget.admit("writes", "e", "team:join", "a")).admitted).toBe("waited");
  });

  it("keeps the votes' allowance apart: a spent room still takes dots, and another event is untouched", async () => {
    const { budget } = setup();
    await (await budget.admit("writes", "e", "team:join", "a")).settle(5000);
    expect((await budget.admit("writes", "e", "team:leave", "a")).admitted).toBe("refused");
    expect((await budget.admit("votes", "e", "vote:cast", "a")).admitted).toBe("now");
    expect((await budget.admit("writes", "f", "team:join", "b")).admitted).toBe("now");
  });

  it("reserves no more than the whole budget, so one write costlier than it still starts in a fresh window", async () => {
    const { budget, writes, share } = setup();
    await (await budget.admit("writes", "e", "showcase:save", "a")).settle(50_000);
    await writes.delete("e");
    await share.delete("a");
    expect((await budget.admit("writes", "e", "showcase:save", "a")).admitted).toBe("now");
  });

  it("holds one person's costly writes back at their share, while everyone else's still go through", async () => {
    const { budget, writes } = setup({ writes: 1000, votes: 100, cheers: 100, share: 100 });
    // A long showcase save to a full room: four times a person's share.
    await (await budget.admit("writes", "e", "showcase:save", "a")).settle(400);
    const again = await budget.admit("writes", "e", "showcase:save", "a");
    expect(again.admitted).toBe("refused");
    // Told it is their own pace, not the room's.
    expect(again.spent).toBe("person");
    // Refused by their share, it took nothing of the room's.
    expect((await writes.get("e"))?.consumedPoints).toBe(400);
    for (const command of ["note:create", "team:join", "note:move"]) {
      expect((await budget.admit("writes", "e", command, "b")).admitted).toBe("now");
    }
  });

  it("a window later, the person held back at their share writes again", async () => {
    const { budget, turnWindow } = setup({ writes: 1000, votes: 100, cheers: 100, share: 100 });
    await (await budget.admit("writes", "e", "showcase:save", "a")).settle(400);
    turnWindow();
    expect((await budget.admit("writes", "e", "showcase:save", "a")).admitted).toBe("waited");
  });

  it("forgets a costly kind's cost as time passes, though none of its kind was let through to settle", async () => {
    const { budget, later } = setup();
    await (await budget.admit("writes", "e", "team:join", "a")).settle(900);
    // The next join reserves 900 of the 100 left: refused, and a refused write never settles.
    expect((await budget.admit("writes", "e", "team:join", "b")).admitted).toBe("refused");
    later(4000);
    // Two windows on, a quarter: still more than is left.
    expect((await budget.admit("writes", "e", "team:join", "b")).admitted).toBe("refused");
    later(4000);
    expect((await budget.admit("writes", "e", "team:join", "b")).admitted).toBe("now");
  });

  it("pays a room's applause from the cheers' own allowance: past it, writes and dots go on untouched", async () => {
    const { budget, writes, votes } = setup();
    const taps = await Promise.all(
      Array.from({ length: 150 }, (_, i) => budget.admit("cheers", "e", "presentation:react", `c${i}`)),
    );
    await Promise.all(taps.map((tap) => tap.settle(1)));
    expect(taps.filter((tap) => tap.admitted === "now")).toHaveLength(100);
    expect(taps.filter((tap) => tap.admitted === "refused")).toHaveLength(50);
    expect(await writes.get("e")).toBeNull();
    expect(await votes.get("e")).toBeNull();
    expect((await budget.admit("writes", "e", "note:create", "b")).admitted).toBe("now");
    expect((await budget.admit("votes", "e", "vote:cast", "b")).admitted).toBe("now");
  });
});
