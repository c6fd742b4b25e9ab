import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import {
  admitRead,
  bytesPerRow,
  createReadBudget,
  readCost,
  readOverhead,
  servedBytes,
  snapshotBudgetDefaults,
  weightedRead,
} from "./read-budget";

const opened = (notes: number, groups = 0) => ({
  ok: true as const,
  result: { notes: Array.from({ length: notes }, () => ({})), groups: Array.from({ length: groups }, () => ({})) },
});

describe("readCost", () => {
  it("prices a board's snapshot by what it serves, and a refused open by its lookup", () => {
    expect(readCost("board:open", opened(500, 20))).toBe(readOverhead + 520);
    expect(readCost("board:open", opened(0))).toBe(readOverhead);
    expect(readCost("board:open", { ok: false, error: { code: "not_found", message: "That board doesn't exist." } })).toBe(
      readOverhead,
    );
  });

  it("prices the event's other snapshots by every row of every list they serve", () => {
    const rows = (n: number) => Array.from({ length: n }, () => ({}));
    expect(readCost("teams:snapshot", { ok: true, result: { seq: 4, teams: rows(20), people: rows(1000), me: "p" } })).toBe(
      readOverhead + 1020,
    );
    expect(
      readCost("event:snapshot", {
        ok: true,
        result: { seq: 1, event: {}, boards: rows(21), agenda: rows(6), announcements: rows(3), announcement: null },
      }),
    ).toBe(readOverhead + 30);
    expect(readCost("vote:state", { ok: true, result: { seq: 0, round: null, history: [] } })).toBe(readOverhead);
  });

  it("prices an answer of few lists and long texts by its size: twenty full showcases cost more than a person's whole window", () => {
    const long = (n: number) => "中".repeat(n);
    const showcase = {
      title: long(120),
      made: long(4000),
      learned: long(4000),
      nextSteps: long(4000),
      needs: long(4000),
      links: Array.from({ length: 8 }, () => ({ title: long(80), url: `https://x.example/${long(470)}` })),
    };
    const teams = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, name: `Team ${i}`, briefTitle: null }));
    const state = {
      seq: 3,
      teams,
      showcases: Object.fromEntries(teams.map((t) => [t.id, { ...showcase, teamId: t.id }])),
      reactions: {},
      criteria: Object.fromEntries(teams.map((t) => [t.id, ["Clear", "Useful"]])),
      feedback: [],
    };
    const bytes = Buffer.byteLength(JSON.stringify(state));
    const cost = readCost("presentation:state", { ok: true, result: state });
    // About its bytes in rows: not the 20 rows of its one list.
    expect(cost).toBeGreaterThan(snapshotBudgetDefaults.rows);
    expect(Math.abs(cost - readOverhead - bytes / bytesPerRow)).toBeLessThan(0.02 * (bytes / bytesPerRow));
    // The same answer with empty showcases costs what its lists hold.
    const empty = { ...state, showcases: Object.fromEntries(teams.map((t) => [t.id, { teamId: t.id }])) };
    expect(readCost("presentation:state", { ok: true, result: empty })).toBeLessThan(readOverhead + 20 + 10);
  });

  it("prices records keyed by note or team (a round's tally, my dots) as well as lists", () => {
    const tally = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`note-${i}-0000-0000-0000-000000000000`, i]));
    const cost = readCost("vote:state", {
      ok: true,
      result: { seq: 1, round: null, tally: { counts: tally }, mine: {}, history: [] },
    });
    expect(cost).toBeGreaterThan(readOverhead + 200);
  });

  it("counts what an answer weighs in JSON without writing it, letters of other scripts by their bytes", () => {
    const values = [
      { a: "x", list: [1, 2.5, null, true, "中文"], nested: { deep: { deeper: ["é".repeat(300)] } } },
      { text: "中".repeat(5000), name: "Zoë" },
      Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, text: "a note on the wall", votes: i })),
    ];
    for (const value of values) {
      const actual = Buffer.byteLength(JSON.stringify(value));
      expect(Math.abs(servedBytes(value) - actual)).toBeLessThan(Math.max(20, actual * 0.1));
    }
  });

  it("sends a board to the notes budget and the other snapshots to theirs, and leaves other commands to the command limit", () => {
    expect(weightedRead("board:open")).toBe("board");
    for (const name of ["event:snapshot", "teams:snapshot", "presentation:state", "vote:state"] as const) {
      expect(weightedRead(name)).toBe("snapshot");
    }
    expect(weightedRead("vote:cast")).toBeNull();
    expect(weightedRead("event:time")).toBeNull();
    expect(readCost("vote:cast", { ok: true, result: {} })).toBe(0);
  });
});

describe("admitRead", () => {
  it("runs a read while budget is left, even one that costs more than what is left", () => {
    expect(admitRead(0, 1000, 0)).toEqual({ kind: "now" });
    expect(admitRead(999, 1000, 4000)).toEqual({ kind: "now" });
  });

  it("waits for the window to turn once the budget is spent, never refuses", () => {
    expect(admitRead(1000, 1000, 3200)).toEqual({ kind: "wait", ms: 3200 });
    expect(admitRead(5000, 1000, -1)).toEqual({ kind: "wait", ms: 0 });
  });
});

describe("createReadBudget", () => {
  const setup = (maxWaiting = 1) => {
    const waits: number[] = [];
    const limiter = new RateLimiterMemory({ points: 1000, duration: 5, keyPrefix: `t${Math.random()}` });
    const budget = createReadBudget({
      limiter,
      maxWaiting,
      // The window is not waited for here: what matters is that the read waited, and for how long.
      sleep: async (ms) => {
        waits.push(ms);
        await limiter.delete("p:1");
      },
    });
    return { budget, waits, limiter };
  };
  const board = (notes: number) => async () => opened(notes);
  const cost = (ack: ReturnType<typeof opened>) => readCost("board:open", ack);

  it("a phone opening its boards one after another is served every time, slowed only once it has read a lot", async () => {
    const { budget, waits } = setup();
    for (let i = 0; i < 4; i++) expect(await budget.run("p:1", board(500), cost)).toHaveProperty("value");
    // Two 500-note boards fit in a window of 1000; the third waited for the next window.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
  });

  it("runs one read at a time per person with one in line, and refuses what a flood sends beyond that", async () => {
    const { budget } = setup();
    let running = 0;
    let most = 0;
    const read = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return opened(10);
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => budget.run("p:1", read, cost)));
    expect(results.filter((r) => "value" in r)).toHaveLength(2);
    expect(results.filter((r) => "refused" in r && r.refused === "line")).toHaveLength(8);
    expect(most).toBe(1);
    // Another person is untouched by the first one's line.
    expect(await budget.run("p:2", read, cost)).toHaveProperty("value");
    // Once the line has emptied, the person is served again.
    expect(await budget.run("p:1", read, cost)).toHaveProperty("value");
  });

  it("charges the budget what each read served", async () => {
    const { budget, limiter } = setup();
    await budget.run("p:1", board(300), cost);
    await budget.run("p:1", board(100), cost);
    expect((await limiter.get("p:1"))?.consumedPoints).toBe(300 + 100 + 2 * readOverhead);
  });

  it("a read that fails still frees the line", async () => {
    const { budget } = setup();
    await expect(
      budget.run(
        "p:1",
        async () => {
          throw new Error("database gone");
        },
        () => 0,
      ),
    ).rejects.toThrow("database gone");
    expect(await budget.run("p:1", board(1), cost)).toHaveProperty("value");
  });
});

describe("the snapshot budget", () => {
  const rows = (n: number) => Array.from({ length: n }, () => ({}));
  // One of each snapshot a phone reads when it comes back, in a 1,000-person event of 20 teams and 21 boards.
  const reconnect = [
    { name: "event:snapshot", result: { boards: rows(21), agenda: rows(6), announcements: rows(5) } },
    { name: "teams:snapshot", result: { teams: rows(20), people: rows(1000) } },
    { name: "presentation:state", result: { teams: rows(20), showcases: rows(20), criteria: rows(4), feedback: rows(40) } },
    { name: "vote:state", result: { history: rows(3) } },
  ] as const;
  const snapshot = (result: object) => async () => ({ ok: true as const, result });
  const setup = (room?: RateLimiterMemory) => {
    const waits: number[] = [];
    const limiter = new RateLimiterMemory({
      points: snapshotBudgetDefaults.rows,
      duration: snapshotBudgetDefaults.seconds,
      keyPrefix: `s${Math.random()}`,
    });
    const budget = createReadBudget({
      limiter,
      maxWaiting: 8,
      room,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    return { budget, waits };
  };
  const read = (budget: ReturnType<typeof setup>["budget"], person: string, r: (typeof reconnect)[number], event = "e:1") =>
    budget.run(person, snapshot(r.result), (ack) => readCost(r.name, ack), { key: event, read: r.name });

  it("a phone reconnecting in a 1,000-person event is answered at once, twice over, and a third time begun", async () => {
    const { budget, waits } = setup();
    const admitted: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (const r of reconnect) {
        const outcome = await read(budget, "p:1", r);
        admitted.push("admitted" in outcome ? outcome.admitted : outcome.refused);
      }
    }
    // Each reconnect reads about 1,200 rows: the first two and most of the third fit in 3,000.
    expect(admitted.slice(0, 10)).toEqual(Array(10).fill("now"));
    expect(admitted.slice(10)).toContain("waited");
    expect(waits.length).toBeGreaterThan(0);
  });

  it("a loop of people lists waits for the window once the person's budget is spent", async () => {
    const { budget } = setup();
    const people = reconnect[1];
    const admitted = [];
    for (let i = 0; i < 4; i++) {
      const outcome = await read(budget, "p:1", people);
      admitted.push("admitted" in outcome ? outcome.admitted : outcome.refused);
    }
    expect(admitted).toEqual(["now", "now", "now", "waited"]);
  });

  it("the event's budget bounds what many identities read together: past it, reads wait one window, then are refused", async () => {
    // Room for three people lists per window; the window does not turn in this test.
    const room = new RateLimiterMemory({ points: 3 * 1045, duration: 60, keyPrefix: `r${Math.random()}` });
    const { budget, waits } = setup(room);
    const people = reconnect[1];
    // Someone reads the people list: the event's budget learns what one costs.
    expect(await read(budget, "p:first", people)).toEqual(expect.objectContaining({ admitted: "now" }));
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => read(budget, `p:${i}`, people)));
    const served = outcomes.filter((o) => "value" in o);
    // Each read reserves what the last one cost before it runs, so ten strangers starting at
    // once cannot all take the same unspent rows: two more fit, the rest do not run.
    expect(served).toHaveLength(2);
    expect(outcomes.filter((o) => "refused" in o && o.refused === "room").length).toBe(10 - served.length);
    expect(waits.length).toBeGreaterThan(0);
    // Another event's budget is its own.
    expect(await read(budget, "p:x", people, "e:2")).toEqual(expect.objectContaining({ admitted: "now" }));
  });

  it("a read that waited for the event's window runs once the window has turned", async () => {
    const room = new RateLimiterMemory({ points: 1500, duration: 60, keyPrefix: `r${Math.random()}` });
    const waits: number[] = [];
    const budget = createReadBudget({
      limiter: new RateLimiterMemory({ points: 3000, duration: 5, keyPrefix: `s${Math.random()}` }),
      maxWaiting: 8,
      room,
      sleep: async (ms) => {
        waits.push(ms);
        await room.delete("e:1");
      },
    });
    const people = reconnect[1];
    const cost = (ack: { ok: true; result: object }) => readCost(people.name, ack);
    expect(await budget.run("p:1", snapshot(people.result), cost, { key: "e:1", read: people.name })).toHaveProperty(
      "admitted",
      "now",
    );
    expect(await budget.run("p:2", snapshot(people.result), cost, { key: "e:1", read: people.name })).toHaveProperty(
      "admitted",
      "waited",
    );
    expect(waits).toHaveLength(1);
  });
});
