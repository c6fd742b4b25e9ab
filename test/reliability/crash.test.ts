/**
 * kill -9 at a random moment while 200 phones add notes and vote; restart on the same file;
 * phones retry what has no ack with the same ids. Nothing acknowledged is lost, nothing applies
 * twice, every phone's board equals the database.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPopulation, type Population, runTrial } from "./support/durability";
import { long, report } from "./support/report";

const trials = long ? 25 : 5;
const clients = 200;
let pop: Population;
let cleanup: () => void;

beforeAll(async () => {
  ({ pop, cleanup } = await createPopulation(clients));
}, 120_000);
afterAll(() => cleanup?.());

it(`survives kill -9 in ${trials} trials with ${clients} phones`, { timeout: trials * 90_000 }, async () => {
  let port = 0;
  const sum = { acked: 0, lost: 0, duplicates: 0, diverged: 0, refused: 0, retries: 0 };
  const stops: number[] = [];
  const problems: string[] = [];
  for (let t = 0; t < trials; t++) {
    const r = await runTrial(pop, { signal: "SIGKILL", port, clients, notesEach: 1, dotsEach: 3 });
    port = r.port;
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += r[k];
    stops.push(r.stopAfterAcks);
    problems.push(...r.problems);
  }
  const pass = sum.lost === 0 && sum.duplicates === 0 && sum.diverged === 0 && sum.refused === 0;
  const line = report(
    "crash",
    {
      trials,
      clients,
      acked: sum.acked,
      lost: sum.lost,
      duplicates: sum.duplicates,
      diverged: sum.diverged,
      refused: sum.refused,
      retries: sum.retries,
      killedAfterAcks: stops.join(","),
    },
    pass,
  );
  expect(problems.slice(0, 5)).toEqual([]);
  expect(line).toMatch(/PASS$/);
});
