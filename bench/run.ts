/**
 * `npm run bench`: the app against its own floor and a naive server, in one run. See README.md.
 * Options: --quick (N=500, R=100), --n 100,500 --r 25,100 --servers floor,app
 * --warmup S --window S --no-burst --no-db --no-stop (run every rate even after a server fails one) --profile (app child with --cpu-prof into bench/results/profiles)
 * --tally-interval MS (floor and app coalesce at MS instead of lib/realtime/fanout-policy.ts)
 * --app-yield-writes (experiment: the app's write queue yields a macrotask between transactions).
 * --nodes 2: the app on one process and on two processes behind a sticky proxy with Redis
 * (servers app,cluster unless --servers says otherwise).
 * --events E: E events at once in each server process, phone i in event i mod E (floor and app).
 * --pin: the server on CPU 0 and this process (the phones: its load workers) on the other CPUs,
 * with `taskset`, so the phones do not compete with the server they measure (as if they were on
 * another machine). Every thread of each: the server's GC and libuv threads stay on its core.
 * On a 2-core machine the phones then have one core, too few for 1,000 of them (finding 28).
 */
import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { Worker } from "node:worker_threads";
import { fanoutPolicy } from "@/lib/realtime/fanout-policy";
import { runDbMicro } from "./lib/db-micro";
import type {
  ChildRequest,
  ChildStats,
  CommitOrder,
  JoinRecord,
  Phone,
  ServerKind,
  Setup,
  VoteRecord,
  WorkerReply,
  WorkerRequest,
} from "./lib/protocol";
import { serverKinds } from "./lib/protocol";
import { ascending, clock, percentile, round1 } from "./lib/stats";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const list = (name: string) => option(name)?.split(",").map(Number);
const quick = flag("--quick");
const Ns = list("--n") ?? (quick ? [500] : [100, 500, 1000]);
const Rs = list("--r") ?? (quick ? [100] : [25, 100, 250]);
const nodes = Number(option("--nodes") ?? 1);
// Several events at once in one process (e.g. --events 10 --n 2000: 10 events × 200 phones).
const eventCount = Number(option("--events") ?? 1);
if (!Number.isInteger(eventCount) || eventCount < 1) throw new Error("--events must be a whole number from 1");
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 8) throw new Error("--nodes must be a whole number from 1 to 8");
const servers =
  (option("--servers")?.split(",") as ServerKind[] | undefined) ??
  (nodes > 1 ? (["app", "cluster"] as ServerKind[]) : eventCount > 1 ? (["floor", "app"] as ServerKind[]) : serverKinds);
const warmupS = Number(option("--warmup") ?? (quick ? 2 : 5));
const windowS = Number(option("--window") ?? (quick ? 10 : 20));
const burstS = 10;
const burstRate = Number(option("--burst-rate") ?? 100);
const graceMs = 2500;
const workerCount = 2;
const pinned = flag("--pin");
/** Puts every thread of a process (and the threads it starts later) on these CPUs (`taskset -c`). */
function pin(pid: number, cpuList: string) {
  execFileSync("taskset", ["-a", "-p", "-c", cpuList, String(pid)], { stdio: "ignore" });
}
if (pinned) {
  if (cpus().length < 2) throw new Error("--pin needs two CPUs: one for the server, one for the phones");
  if (nodes > 1 || servers.includes("cluster")) throw new Error("--pin is for one server process (not --nodes)");
  pin(process.pid, `1-${cpus().length - 1}`);
}
const fanoutTargetMs = 100;
// Floor and app coalesce at the same interval; --tally-interval tries another one on both.
const tallyIntervalMs = Number(option("--tally-interval") ?? fanoutPolicy.tallyIntervalMs);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

// ---------- the server child ----------

type Child = { process: ChildProcess; call<T>(request: ChildRequest): Promise<T>; setup: Setup };

async function startChild(kind: ServerKind, phones: number): Promise<Child> {
  const execArgv = ["--import", "tsx", "--expose-gc"];
  if (flag("--profile") && kind === "app") execArgv.push("--cpu-prof", "--cpu-prof-dir=bench/results/profiles");
  const child = fork("bench/server-child.ts", [kind, String(phones)], {
    execArgv,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      BENCH_YIELD_WRITES: flag("--app-yield-writes") ? "1" : "0",
      BENCH_NODES: String(Math.max(2, nodes)),
      BENCH_EVENTS: String(eventCount),
      MADEIN_TALLY_INTERVAL_MS: String(tallyIntervalMs),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  if (pinned && child.pid !== undefined) pin(child.pid, "0");
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let ids = 0;
  child.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error) w?.reject(new Error(m.error));
    else w?.resolve(m.result);
  });
  child.on("exit", (code) => {
    for (const w of waiting.values()) w.reject(new Error(`${kind} server exited (${code})`));
  });
  const setup = await new Promise<Setup>((resolve, reject) => waiting.set(0, { resolve: resolve as never, reject }));
  return {
    process: child,
    setup,
    call<T>(request: ChildRequest) {
      const id = ++ids;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as never, reject });
        child.send({ id, request });
      });
    },
  };
}

// ---------- load workers ----------

type LoadWorker = {
  worker: Worker;
  send<T extends WorkerReply["type"]>(r: WorkerRequest, reply: T): Promise<Extract<WorkerReply, { type: T }>>;
};

function startWorker(): LoadWorker {
  // Workers don't inherit tsx's loader on Node 20, so each registers it before importing the TS.
  const entry = new URL("./load-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    {
      eval: true,
    },
  );
  const waiting = new Map<string, ((r: WorkerReply) => void)[]>();
  worker.on("message", (m: WorkerReply) => waiting.get(m.type)?.shift()?.(m));
  worker.on("error", (e) => {
    log(`load worker failed: ${e.stack ?? e}`);
    process.exit(1);
  });
  return {
    worker,
    send(request, reply) {
      return new Promise((resolve) => {
        const queue = waiting.get(reply) ?? [];
        queue.push(resolve as never);
        waiting.set(reply, queue);
        worker.postMessage(request);
      });
    },
  };
}

// ---------- analysis ----------

type StepFigures = {
  server: ServerKind;
  n: number;
  r: number;
  windowS: number;
  sent: number;
  acked: number;
  refused: Record<string, number>;
  ackP50Ms: number | null;
  ackP99Ms: number | null;
  fanoutP50Ms: number | null;
  fanoutP99Ms: number | null;
  fanoutMaxMs: number | null;
  delivery: number;
  committedPerSecond: number;
  cpuPercent: number | null;
  eventLoopDelayP99Ms: number | null;
  /** How late the load generator sent, from the schedule: its own health. */
  sendLagP99Ms: number | null;
};

function firstAtLeast(seen: number[], dots: number): number {
  // seen = [t, dots, t, dots, …], dots strictly increasing
  let lo = 0;
  let hi = seen.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seen[mid * 2 + 1]! >= dots) hi = mid;
    else lo = mid + 1;
  }
  return lo < seen.length / 2 ? seen[lo * 2]! : Number.NaN;
}

/**
 * `orders`: the commit order of each event's round. A phone belongs to one event (i mod E), so
 * (phone, slot) is unique across them, and a vote is delivered to the other phones of its event.
 */
function analyse(
  votes: VoteRecord[],
  tallies: Map<number, number[]>,
  orders: CommitOrder[],
  phones: number,
  from: number,
  to: number,
) {
  const events = orders.length;
  const commitIndex = new Map<number, number>();
  for (const order of orders)
    order.forEach(([phone, slot], k) => {
      commitIndex.set(phone * 64 + slot, k);
    });
  let expected = 0;
  const measured = votes.filter((v) => v.scheduled >= from && v.scheduled < to);
  const acks: number[] = [];
  const lags: number[] = [];
  const fanouts: number[] = [];
  const refused: Record<string, number> = {};
  let delivered = 0;
  let acked = 0;
  for (const v of measured) {
    lags.push(v.sent - v.scheduled);
    // The other phones of its event (one event: N − 1); a vote never acked counts against all.
    expected += Math.ceil((phones - (v.phone % events)) / events) - 1;
    if (!v.ok) {
      refused[v.code ?? "?"] = (refused[v.code ?? "?"] ?? 0) + 1;
      continue;
    }
    acked++;
    acks.push(v.acked - v.scheduled);
    const k = commitIndex.get(v.phone * 64 + v.slot);
    if (k === undefined) {
      refused["not-committed"] = (refused["not-committed"] ?? 0) + 1;
      continue;
    }
    let worst = 0;
    let everyone = true;
    for (let c = v.phone % events; c < phones; c += events) {
      if (c === v.phone) continue;
      const t = firstAtLeast(tallies.get(c) ?? [], k + 1);
      if (Number.isNaN(t)) everyone = false;
      else {
        delivered++;
        worst = Math.max(worst, t - v.scheduled);
      }
    }
    if (everyone) fanouts.push(worst);
  }
  const a = ascending(acks);
  const f = ascending(fanouts);
  const l = ascending(lags);
  return {
    sent: measured.length,
    acked,
    refused,
    ackP50Ms: round1(percentile(a, 50)),
    ackP99Ms: round1(percentile(a, 99)),
    fanoutP50Ms: round1(percentile(f, 50)),
    fanoutP99Ms: round1(percentile(f, 99)),
    fanoutMaxMs: round1(f.at(-1) ?? Number.NaN),
    delivery: expected === 0 ? 0 : delivered / expected,
    committedPerSecond: Math.round((acked / (to - from)) * 1000 * 10) / 10,
    sendLagP99Ms: round1(percentile(l, 99)),
  };
}

// ---------- one server, one N ----------

const workers = Array.from({ length: workerCount }, startWorker);
const byWorker = <T extends { index: number }>(items: T[]) =>
  workers.map((_, w) => items.filter((item) => item.index % workerCount === w));

async function connectAll(child: Child, phones: Phone[], seconds: number, tag: string) {
  const t0 = clock() + 200;
  const spacingMs = (seconds * 1000) / Math.max(1, phones.length);
  const parts = byWorker(phones);
  const replies = await Promise.all(
    workers.map((w, i) => {
      // Each worker's phones keep their global slot on the ramp.
      const mine = parts[i]!;
      const first = mine[0] ? phones.indexOf(mine[0]) : 0;
      return w.send(
        {
          type: "connect",
          url: child.setup.url,
          events: child.setup.events.map(({ eventId, boardId }) => ({ eventId, boardId })),
          phones: mine,
          t0: t0 + first * spacingMs,
          spacingMs: spacingMs * workerCount,
          tag,
        },
        "connected",
      );
    }),
  );
  return replies.flatMap((r) => r.joins);
}

/** Runs votes at `rate` from t0 (absolute) and returns what the phones and the server saw. */
async function voteStep(child: Child, rounds: string[], phones: number, rate: number, total: number, t0: number) {
  const intervalMs = 1000 / rate;
  const all = Array.from({ length: phones }, (_, i) => i);
  await Promise.all(
    workers.map((w, i) =>
      w.send(
        {
          type: "step",
          rounds,
          targets: child.setup.events.map((e) => e.targets),
          t0,
          intervalMs,
          total,
          phones,
          mine: all.filter((p) => p % workerCount === i),
        },
        "stepped",
      ),
    ),
  );
  return async () => {
    const collected = await Promise.all(workers.map((w) => w.send({ type: "collect" }, "collected")));
    const votes = collected.flatMap((c) => c.votes);
    const tallies = new Map(collected.flatMap((c) => c.tallies));
    const orders = await Promise.all(rounds.map((roundId) => child.call<CommitOrder>({ type: "order", roundId })));
    return { votes, tallies, orders };
  };
}

async function measureStats(child: Child, from: number, to: number) {
  await sleep(from - clock());
  await child.call({ type: "stats-reset" });
  await sleep(to - clock());
  return child.call<ChildStats>({ type: "stats" });
}

type BurstFigures = {
  server: ServerKind;
  n: number;
  joins: number;
  failures: number;
  errors: Record<string, number>;
  joinP50Ms: number | null;
  joinP99Ms: number | null;
  voteRate: number;
  fanoutP99Ms: number | null;
  delivery: number;
};

type ServerRun = {
  server: ServerKind;
  n: number;
  setup: Omit<Setup, "cookies" | "targets">;
  connect: { failures: number; p99Ms: number | null; seconds: number };
  rssBeforeMb: number;
  rssAfterMb: number;
  memoryPerConnectionKb: number;
  steps: StepFigures[];
  /** The rate whose failure ended this server's ramp (null: every rate was run). */
  stoppedAt: number | null;
  burst: BurstFigures | null;
};

async function runServer(kind: ServerKind, n: number): Promise<ServerRun> {
  log(`${kind} N=${n}: starting a fresh server`);
  const child = await startChild(kind, n * 2);
  try {
    const phones: Phone[] = Array.from({ length: n }, (_, i) => ({ index: i, cookie: child.setup.cookies[i] ?? "" }));
    const rssBefore = await child.call<number>({ type: "gc-rss" });
    const rampS = Math.max(1, n / 250);
    const joins = await connectAll(child, phones, rampS, "base");
    const connectFailures = joins.filter((j) => !j.ok);
    if (connectFailures.length > 0)
      log(`${kind}: ${connectFailures.length} phones failed to connect: ${connectFailures[0]?.error}`);
    await sleep(500);
    const rssAfter = await child.call<number>({ type: "gc-rss" });
    const steps: StepFigures[] = [];
    let rounds = child.setup.events.map((e) => e.roundId);
    let stoppedAt: number | null = null;
    const capacity = Math.floor(n * child.setup.dotsPerPerson * 0.95);
    for (const [i, r] of Rs.entries()) {
      if (i > 0) rounds = await child.call<string[]>({ type: "new-round" });
      // Casts only (see README): a step fits in the round's dots, so a short one at low N.
      const scale = Math.min(1, capacity / (r * (warmupS + windowS)));
      const w = warmupS * scale;
      const m = windowS * scale;
      const total = Math.floor(r * (w + m));
      const t0 = clock() + 300;
      const from = t0 + w * 1000;
      const to = from + m * 1000;
      log(`${kind} N=${n} R=${r}: ${total} votes over ${(w + m).toFixed(1)} s (window ${m.toFixed(1)} s)`);
      const collect = await voteStep(child, rounds, n, r, total, t0);
      const stats = await measureStats(child, from, to);
      await sleep(to + graceMs - clock());
      const { votes, tallies, orders } = await collect();
      const figures = analyse(votes, tallies, orders, n, from, to);
      steps.push({
        server: kind,
        n,
        r,
        windowS: Math.round(m * 10) / 10,
        ...figures,
        cpuPercent: round1((stats.cpuMs / stats.wallMs) * 100),
        eventLoopDelayP99Ms: round1(stats.eldP99Ms),
      });
      log(
        `  → ack p99 ${figures.ackP99Ms} ms, fan-out p99 ${figures.fanoutP99Ms} ms, delivery ${(figures.delivery * 100).toFixed(2)}%`,
      );
      // Knee search: a server's ramp stops at its first failure; higher rates would only fail
      // harder (and take the load generator and the next server's start down with them).
      const failed = figures.fanoutP99Ms === null || figures.fanoutP99Ms > fanoutTargetMs || figures.delivery < 1;
      if (failed && !flag("--no-stop") && i < Rs.length - 1) {
        stoppedAt = r;
        log(`  ${kind} N=${n} failed at R=${r}: rates above it are not run (--no-stop runs them)`);
        break;
      }
    }

    let burst: BurstFigures | null = null;
    if (!flag("--no-burst")) {
      rounds = await child.call<string[]>({ type: "new-round" });
      const rate = burstRate;
      const total = Math.min(capacity, Math.floor(rate * (burstS + 3)));
      const t0 = clock() + 300;
      const from = t0 + 1000;
      const to = from + burstS * 1000;
      log(`${kind} N=${n}: join burst of ${n} phones in ${burstS} s while voting at ${rate}/s`);
      const collect = await voteStep(child, rounds, n, rate, total, t0);
      await sleep(from - clock());
      const newcomers: Phone[] = Array.from({ length: n }, (_, i) => ({
        index: n + i,
        cookie: child.setup.cookies[n + i] ?? "",
      }));
      const burstJoins: JoinRecord[] = await connectAll(child, newcomers, burstS, "burst");
      await sleep(to + graceMs - clock());
      const { votes, tallies, orders } = await collect();
      const figures = analyse(votes, tallies, orders, n, from, to);
      const ok = ascending(burstJoins.filter((j) => j.ok).map((j) => j.ms));
      const errors: Record<string, number> = {};
      for (const j of burstJoins) if (!j.ok) errors[j.error ?? "?"] = (errors[j.error ?? "?"] ?? 0) + 1;
      burst = {
        server: kind,
        n,
        joins: burstJoins.length,
        failures: burstJoins.length - ok.length,
        errors,
        joinP50Ms: round1(percentile(ok, 50)),
        joinP99Ms: round1(percentile(ok, 99)),
        voteRate: rate,
        fanoutP99Ms: figures.fanoutP99Ms,
        delivery: figures.delivery,
      };
      log(
        `  → join failures ${burst.failures}, join p99 ${burst.joinP99Ms} ms, fan-out p99 while joining ${burst.fanoutP99Ms} ms`,
      );
    }
    const { cookies: _c, targets: _t, ...setup } = child.setup;
    return {
      server: kind,
      n,
      setup,
      connect: {
        failures: connectFailures.length,
        p99Ms: round1(percentile(ascending(joins.filter((j) => j.ok).map((j) => j.ms)), 99)),
        seconds: rampS,
      },
      rssBeforeMb: round1(rssBefore / 2 ** 20)!,
      rssAfterMb: round1(rssAfter / 2 ** 20)!,
      memoryPerConnectionKb: round1((rssAfter - rssBefore) / n / 1024)!,
      steps,
      stoppedAt,
      burst,
    };
  } finally {
    await Promise.all(workers.map((w) => w.send({ type: "disconnect", tag: null }, "disconnected")));
    await child.call({ type: "exit" }).catch(() => undefined);
    await new Promise((resolve) => (child.process.exitCode !== null ? resolve(null) : child.process.once("exit", resolve)));
  }
}

// ---------- the run ----------

const loadBefore = loadavg();
const started = Date.now();
mkdirSync("bench/results", { recursive: true });
const runs: ServerRun[] = [];
for (const n of Ns) for (const kind of servers) runs.push(await runServer(kind, n));
await Promise.all(workers.map((w) => w.worker.terminate()));

let db: Awaited<ReturnType<typeof runDbMicro>> | null = null;
if (!flag("--no-db")) {
  log("DB micro-benchmark: vote:cast through executeCommand on a file database");
  db = await runDbMicro({ participants: quick ? 100 : 300, serialVotes: 500, inFlight: 64 });
}
const loadAfter = loadavg();

const steps = runs.flatMap((r) => r.steps);
const knee = (kind: ServerKind, n: number, limitMs = fanoutTargetMs) => {
  const passing = steps.filter(
    (s) => s.server === kind && s.n === n && s.fanoutP99Ms !== null && s.fanoutP99Ms <= limitMs && s.delivery === 1,
  );
  return passing.length ? Math.max(...passing.map((s) => s.r)) : null;
};
// The coalescer alone can hold a dot for up to one interval, so a knee at a looser bound is
// reported beside the issue's own.
const knees = runs.map((r) => ({ server: r.server, n: r.n, knee: knee(r.server, r.n), kneeAt250Ms: knee(r.server, r.n, 250) }));
const at = (kind: ServerKind, n: number, r: number) => steps.find((s) => s.server === kind && s.n === n && s.r === r);
const ratioN = Ns.includes(1000) ? 1000 : Math.max(...Ns);
const ratioR = Rs.includes(100) ? 100 : Rs[0]!;
const appStep = at("app", ratioN, ratioR);
const floorStep = at("floor", ratioN, ratioR);
const appVsFloorP99 =
  appStep?.fanoutP99Ms && floorStep?.fanoutP99Ms ? Math.round((appStep.fanoutP99Ms / floorStep.fanoutP99Ms) * 100) / 100 : null;
const appKnee = knee("app", ratioN);
const naiveKnee = knee("naive", ratioN);
const appVsNaiveKnee = appKnee !== null && naiveKnee !== null ? Math.round((appKnee / naiveKnee) * 100) / 100 : null;
// Issue 23: the knees at the largest N, app ÷ floor.
const largestN = Math.max(...Ns);
const appKneeLargest = knee("app", largestN);
const floorKneeLargest = knee("floor", largestN);
const appVsFloorKnee =
  appKneeLargest !== null && floorKneeLargest !== null ? Math.round((appKneeLargest / floorKneeLargest) * 100) / 100 : null;

// One process against several: the same load, the same N and R.
const nodesComparison = steps
  .filter((s) => s.server === "cluster")
  .map((c) => {
    const one = at("app", c.n, c.r);
    const ratio = (a: number | null | undefined, b: number | null | undefined) =>
      a && b ? Math.round((a / b) * 100) / 100 : null;
    return {
      n: c.n,
      r: c.r,
      nodes: Math.max(2, nodes),
      committedPerSecond: { one: one?.committedPerSecond ?? null, several: c.committedPerSecond },
      ackP99Ms: { one: one?.ackP99Ms ?? null, several: c.ackP99Ms },
      fanoutP99Ms: { one: one?.fanoutP99Ms ?? null, several: c.fanoutP99Ms },
      fanoutP99Ratio: ratio(c.fanoutP99Ms, one?.fanoutP99Ms),
      ackP99Ratio: ratio(c.ackP99Ms, one?.ackP99Ms),
      delivery: { one: one?.delivery ?? null, several: c.delivery },
    };
  });

const result = {
  nodes_comparison: nodesComparison,
  app_vs_floor_p99: appVsFloorP99,
  app_vs_naive_knee: appVsNaiveKnee,
  app_vs_floor_knee: appVsFloorKnee,
  app_vs_raw_writes: db?.appVsRawWrites ?? null,
  ratios_at: { n: ratioN, r: ratioR },
  knee_at: { n: largestN, app: appKneeLargest, floor: floorKneeLargest },
  ratio_notes: [
    appKnee !== null && naiveKnee === null
      ? `naive has no knee among R=${Rs.join(",")} at N=${ratioN} (below ${Math.min(...Rs)}/s), so app/naive > ${appKnee / Math.min(...Rs)}`
      : null,
    appKnee === null ? `app has no knee among R=${Rs.join(",")} at N=${ratioN}` : null,
    floorKneeLargest === Math.max(...Rs)
      ? `the floor passed the highest rate tested (${Math.max(...Rs)}/s) at N=${largestN}: its knee is at least that, so app/floor is at most the figure given`
      : null,
    Rs.length === 1 ? "one rate tested: a knee is only 'this rate passes', not the highest rate that would" : null,
  ].filter(Boolean),
  at: new Date(started).toISOString(),
  durationS: Math.round((Date.now() - started) / 1000),
  options: {
    quick,
    nodes,
    events: eventCount,
    Ns,
    Rs,
    warmupS,
    windowS,
    burstS,
    burstRate,
    tallyIntervalMs,
    appRateLimit: { points: 100_000, seconds: 1 },
  },
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGb: round1(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadBefore: loadBefore.map((l) => round1(l)),
    loadAfter: loadAfter.map((l) => round1(l)),
    /** --pin: the server alone on CPU 0, the phones on the others. */
    pinned,
  },
  knees,
  steps,
  servers: runs.map(({ steps: _s, ...rest }) => rest),
  db,
};

console.log("\nVotes: per server, N phones, R votes/s (latencies in ms, from the scheduled send time)");
console.table(
  steps.map((s) => ({
    server: s.server,
    N: s.n,
    R: s.r,
    "ack p50": s.ackP50Ms,
    "ack p99": s.ackP99Ms,
    "fan-out p50": s.fanoutP50Ms,
    "fan-out p99": s.fanoutP99Ms,
    "fan-out max": s.fanoutMaxMs,
    "delivery %": Math.floor(s.delivery * 10000) / 100,
    "committed/s": s.committedPerSecond,
    "CPU %": s.cpuPercent,
    "ELD p99": s.eventLoopDelayP99Ms,
    "send lag p99": s.sendLagP99Ms,
  })),
);
console.log("Per server and N: memory, knee and join burst");
console.table(
  runs.map((r) => ({
    server: r.server,
    N: r.n,
    "KB/conn": r.memoryPerConnectionKb,
    knee: knee(r.server, r.n),
    "knee@250ms": knee(r.server, r.n, 250),
    "burst joins": r.burst?.joins,
    "burst failures": r.burst?.failures,
    "join p99": r.burst?.joinP99Ms,
    "fan-out p99 in burst": r.burst?.fanoutP99Ms,
    "delivery % in burst": r.burst ? Math.floor(r.burst.delivery * 10000) / 100 : null,
  })),
);
console.log(`app_vs_floor_p99 (N=${ratioN}, R=${ratioR}): ${appVsFloorP99}   app_vs_naive_knee (N=${ratioN}): ${appVsNaiveKnee}`);
console.log(
  `app_vs_floor_knee (N=${largestN}): ${appVsFloorKnee} (app knee ${appKneeLargest}, floor knee ${floorKneeLargest})   app_vs_raw_writes: ${db?.appVsRawWrites ?? null}`,
);
for (const r of runs)
  if (r.stoppedAt !== null) console.log(`  ${r.server} N=${r.n}: ramp stopped at its first failure, R=${r.stoppedAt}`);
for (const note of result.ratio_notes) console.log(`  note: ${note}`);
if (nodesComparison.length > 0) {
  console.log(
    `One app process vs ${Math.max(2, nodes)} behind a sticky proxy with Redis (CPU % and ELD are the first process's only)`,
  );
  console.table(
    nodesComparison.map((c) => ({
      N: c.n,
      R: c.r,
      "committed/s 1": c.committedPerSecond.one,
      [`committed/s ${c.nodes}`]: c.committedPerSecond.several,
      "ack p99 1": c.ackP99Ms.one,
      [`ack p99 ${c.nodes}`]: c.ackP99Ms.several,
      "fan-out p99 1": c.fanoutP99Ms.one,
      [`fan-out p99 ${c.nodes}`]: c.fanoutP99Ms.several,
      "delivery % 1": c.delivery.one === null ? null : Math.floor(c.delivery.one * 10000) / 100,
      [`delivery % ${c.nodes}`]: Math.floor(c.delivery.several * 10000) / 100,
    })),
  );
}
if (db) {
  console.log(`DB write path PRAGMAs (db.writePragmas()): ${JSON.stringify(db.pragmas)}`);
  console.table({
    serial: db.serial,
    [`${db.concurrent.inFlight} in flight`]: db.concurrent,
    [`raw INSERT, ${db.raw.inFlight} in flight`]: {
      votes: db.raw.rows,
      p50Ms: db.raw.p50Ms,
      p99Ms: db.raw.p99Ms,
      votesPerSecond: db.raw.insertsPerSecond,
    },
  });
  console.log(`app_vs_raw_writes (app votes/s ÷ raw inserts/s, ${db.raw.inFlight} in flight): ${db.appVsRawWrites}`);
}
console.log(`load average before ${result.machine.loadBefore.join(" ")}, after ${result.machine.loadAfter.join(" ")}`);
const file = option("--out") ?? "bench/results/latest.json";
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${file} in ${result.durationS} s`);
process.exit(0);
