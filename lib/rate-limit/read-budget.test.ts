import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { admitRead, createReadBudget, readCost, readOverhead } from "./read-budget";

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

  it("leaves other commands to the command limit", () => {
    expect(readCost("vote:cast", { ok: true, result: {} })).toBe(0);
    expect(readCost("event:snapshot", { ok: true, result: {} })).toBe(0);
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
    for (let i = 0; i < 4; i++) expect(await budget.run("p:1", board(500), cost)).not.toBeNull();
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
    expect(results.filter((r) => r !== null)).toHaveLength(2);
    expect(most).toBe(1);
    // Another person is untouched by the first one's line.
    expect(await budget.run("p:2", read, cost)).not.toBeNull();
    // Once the line has emptied, the person is served again.
    expect(await budget.run("p:1", read, cost)).not.toBeNull();
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
    expect(await budget.run("p:1", board(1), cost)).not.toBeNull();
  });
});
