/**
 * SIGTERM at a random moment while 200 phones add notes and vote: the server drains within 5 s
 * and exits cleanly; after a restart on the same file nothing acknowledged is lost or doubled.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPopulation, type Population, runTrial } from "./support/durability";
import { long, report } from "./support/report";

const trials = long ? 10 : Number(process.env.RELIABILITY_TRIALS ?? 2);
const clients = 200;
let pop: Population;
let cleanup: () => void;

beforeAll(async () => {
  ({ pop, cleanup } = await createPopulation(clients));
}, 120_000);
afterAll(() => cleanup?.());

it(`drains on SIGTERM within 5 s in ${trials} trials with ${clients} phones`, { timeout: trials * 90_000 }, async () => {
  let port = 0;
  const sum = { acked: 0, lost: 0, duplicates: 0, diverged: 0, refused: 0, retries: 0 };
  const drains: number[] = [];
  const exits: (number | null)[] = [];
  const problems: string[] = [];
  for (let t = 0; t < trials; t++) {
    const r = await runTrial(pop, { signal: "SIGTERM", port, clients, notesEach: 1, dotsEach: 3 });
    port = r.port;
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += r[k];
    drains.push(r.drainMs);
    exits.push(r.exitCode);
    problems.push(...r.problems);
  }
  const maxDrainMs = Math.max(...drains);
  const pass =
    sum.lost === 0 &&
    sum.duplicates === 0 &&
    sum.diverged === 0 &&
    sum.refused === 0 &&
    // Exit code 0 is the outcome: the forced exit after 5 s would be 1. The drain time itself is
    // reported, not asserted (on a busy machine it moves with everything else).
    exits.every((c) => c === 0);
  const line = report(
    "sigterm",
    {
      trials,
      clients,
      acked: sum.acked,
      lost: sum.lost,
      duplicates: sum.duplicates,
      diverged: sum.diverged,
      maxDrainMs,
      exitCodes: exits.join(","),
      retries: sum.retries,
    },
    pass,
  );
  expect(problems.slice(0, 5)).toEqual([]);
  expect(line).toMatch(/PASS$/);
});
