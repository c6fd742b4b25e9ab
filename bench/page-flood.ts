/**
 * `npx tsx bench/page-flood.ts`: one address keeps many page requests in flight (the event's
 * public page, over and over) while another address opens the join page every 200 ms; reports
 * the join page's p50/p95/max and what the flooder got, with turns at rendering
 * (lib/server/render-turns.ts) and without. Reported, never asserted; the outcome (the other
 * address answered while the flooder's line is full) is e2e/reliability/render-flood.spec.ts.
 *
 * Needs a build: `.next`, or NEXT_DIST_DIR. Options: `--flood 50,200` (requests in flight from
 * the one address), `--seconds 15` (each measurement), `--modes on,off`.
 * Writes bench/results/page-flood.json. About (seconds + 10) × floods × modes seconds.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ascending, percentile } from "./lib/stats";

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const floods = option("flood", "50,200").split(",").map(Number);
const seconds = Number(option("seconds", "15"));
const modes = option("modes", "on,off").split(",") as ("on" | "off")[];
const log = (m: string) => process.stderr.write(`${m}\n`);

type Server = { port: number; slug: string; joinCode: string; stop(): void };

async function startServer(mode: "on" | "off", databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/page-flood-server.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, BENCH_RENDERS: mode, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith("{")) continue;
    return { ...JSON.parse(line), stop: () => child.kill("SIGTERM") };
  }
  throw new Error("the server did not start");
}

function get(port: number, path: string, address: string, agent: Agent | false) {
  const started = performance.now();
  return new Promise<{ status: number; ms: number }>((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, agent, headers: { "x-forwarded-for": address } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.setTimeout(60_000, () => req.destroy());
    req.end();
  });
}

async function measure(server: Server, inFlight: number) {
  // Warm: the first renders of each page compile and cache what later ones reuse.
  for (let i = 0; i < 5; i++) {
    await get(server.port, `/e/${server.slug}`, "192.0.2.1", false);
    await get(server.port, `/j/${server.joinCode}`, "192.0.2.1", false);
  }
  const end = performance.now() + seconds * 1000;
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const flooder: Record<string, number> = {};
  const loops = Array.from({ length: inFlight }, async () => {
    while (performance.now() < end) {
      const { status } = await get(server.port, `/e/${server.slug}`, "203.0.113.1", agent);
      flooder[status] = (flooder[status] ?? 0) + 1;
      // A refusal comes back at once: a flooder asking again at once is what this measures.
    }
  });
  const joins: number[] = [];
  const joinStatuses: Record<string, number> = {};
  let visitor = 0;
  while (performance.now() < end) {
    const { status, ms } = await get(server.port, `/j/${server.joinCode}`, `198.51.100.${(visitor++ % 250) + 1}`, false);
    joinStatuses[status] = (joinStatuses[status] ?? 0) + 1;
    if (status === 200) joins.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await Promise.all(loops);
  agent.destroy();
  const sorted = ascending(joins);
  const ms = (p: number) => Math.round(percentile(sorted, p));
  return {
    inFlight,
    seconds,
    flooder,
    flooderPagesPerSecond: Math.round((flooder[200] ?? 0) / seconds),
    joinPage: { asked: visitor, statuses: joinStatuses, p50Ms: ms(50), p95Ms: ms(95), maxMs: ms(100) },
  };
}

const dir = mkdtempSync(join(tmpdir(), "madein-bench-page-flood-"));
const results: Record<string, unknown>[] = [];
try {
  for (const mode of modes) {
    for (const inFlight of floods) {
      log(`turns ${mode}, ${inFlight} in flight from one address, ${seconds} s …`);
      const server = await startServer(mode, `file:${join(dir, `${mode}-${inFlight}.db`)}`);
      try {
        const measured = await measure(server, inFlight);
        results.push({ turns: mode, ...measured });
        log(JSON.stringify(results.at(-1)));
      } finally {
        server.stop();
      }
    }
  }
  console.table(
    results.map((r) => {
      const join = r.joinPage as { p50Ms: number; p95Ms: number; maxMs: number; statuses: Record<string, number> };
      return {
        turns: r.turns,
        inFlight: r.inFlight,
        "flooder 200/s": r.flooderPagesPerSecond,
        "flooder 503": (r.flooder as Record<string, number>)[503] ?? 0,
        "join p50 ms": join.p50Ms,
        "join p95 ms": join.p95Ms,
        "join max ms": join.maxMs,
        "join refused": Object.entries(join.statuses)
          .filter(([s]) => s !== "200")
          .reduce((a, [, n]) => a + n, 0),
      };
    }),
  );
  writeFileSync("bench/results/page-flood.json", `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
