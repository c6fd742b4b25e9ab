import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Ack, CommandName } from "@/lib/realtime/contract";

/**
 * What a read costs beyond its one command: a snapshot of a 500-note board takes the server about
 * as long as a hundred votes, yet the command limit counts it once, so a few free identities
 * opening a big board in a loop could keep a whole room waiting. Weighted reads are paid for in
 * notes served, from a budget of their own per person, so opening boards never spends a
 * phone's allowance for votes and notes.
 */

/** What every weighted read costs whatever it returns (the lookup, the reply), in notes. */
export const readOverhead = 25;

/** The cost of a read once answered, in notes served; 0: not weighted (counted by the command limit alone). */
export function readCost(name: CommandName, ack: Ack<unknown>): number {
  if (name !== "board:open") return 0;
  if (!ack.ok) return readOverhead;
  const { notes, groups } = ack.result as { notes: unknown[]; groups: unknown[] };
  return readOverhead + notes.length + groups.length;
}

export const isWeightedRead = (name: CommandName) => name === "board:open";

export type ReadAdmission = { kind: "now" } | { kind: "wait"; ms: number };

/**
 * Whether a person's next weighted read runs now or after the window turns. Never a refusal: a
 * phone reopening its board after a reconnect is slowed at worst (what refuses a flood is the
 * queue's length, see createReadBudget). A read admitted with budget left runs in full, so one
 * board bigger than the whole budget still opens, once per window.
 */
export function admitRead(spent: number, budget: number, msBeforeNext: number): ReadAdmission {
  return spent < budget ? { kind: "now" } : { kind: "wait", ms: Math.max(0, msBeforeNext) };
}

export type ReadBudget = {
  /**
   * Runs `read` for this person when their budget allows, then charges what it cost. One at a
   * time per person, with `maxWaiting` more in line; a read beyond that is not run: `null`.
   */
  run<T>(key: string, read: () => Promise<T>, costOf: (value: T) => number): Promise<{ value: T } | null>;
};

/**
 * A per-person line for weighted reads, paid after each read from `limiter` (whose points are the
 * budget in notes per window, counted in Redis when shared). One at a time, because a read is
 * charged once answered: concurrent reads would all start on the same unspent budget. The line
 * is this process's (sockets are sticky); the budget is everyone's.
 */
export function createReadBudget(options: {
  limiter: RateLimiterAbstract;
  maxWaiting: number;
  sleep?: (ms: number) => Promise<void>;
}): ReadBudget {
  const { limiter, maxWaiting } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const lines = new Map<string, { tail: Promise<unknown>; queued: number }>();
  return {
    async run(key, read, costOf) {
      const line = lines.get(key) ?? { tail: Promise.resolve(), queued: 0 };
      if (line.queued > maxWaiting) return null;
      line.queued++;
      lines.set(key, line);
      const turn = line.tail.then(async () => {
        // If the store is unreachable, the read runs: refusing everyone would be worse than a slow room.
        const state = await limiter.get(key).catch(() => null);
        const admission = admitRead(state?.consumedPoints ?? 0, limiter.points, state?.msBeforeNext ?? 0);
        if (admission.kind === "wait") await sleep(admission.ms);
        const value = await read();
        await limiter.penalty(key, costOf(value)).catch(() => {});
        return value;
      });
      line.tail = turn.catch(() => {});
      try {
        return { value: await turn };
      } finally {
        line.queued--;
        if (line.queued === 0) lines.delete(key);
      }
    },
  };
}
