/**
 * One benchmarked server, in its own process so its CPU, event loop and memory are its own.
 * `tsx bench/server-child.ts floor|naive|app <phones>`; talks to the orchestrator over IPC.
 * - floor: bare socket.io, the app's coalescer and interval, in-memory tallies; no auth, no DB.
 * - naive: the same DB write per vote (one insert into `votes`, same file, PRAGMAs and write
 *   queue), then one broadcast per vote to the room.
 * - app: the real Made In server (startServer, pages off), real event, participants and round.
 * - cluster: the same, on BENCH_NODES processes (this one and BENCH_NODES-1 children) sharing the
 *   file and a throwaway redis-server, behind a sticky TCP proxy that hashes each phone's id.
 *   The CPU and event-loop figures are this process's only.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { Server, type Socket } from "socket.io";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { voteRounds, votes } from "@/db/schema";
import { participantCookieName } from "@/lib/auth/cookies";
import { sign } from "@/lib/auth/tokens";
import { createCoalescer } from "@/lib/realtime/coalescer";
import { limits } from "@/lib/realtime/contract";
import { executeCommand } from "@/lib/realtime/execute-command";
import { fanoutPolicy } from "@/lib/realtime/fanout-policy";
import { handlers } from "@/lib/realtime/handlers";
import { startStickyProxy } from "@/lib/scale/sticky-proxy";
import { startServer } from "@/lib/server/start-server";
import { startAppProcess } from "@/test/integration/support/app-process";
import { startRedis } from "@/test/integration/support/redis-server";
import type { ChildRequest, ChildStats, CommitOrder, ServerKind, Setup } from "./lib/protocol";
import { type Seeded, seed } from "./lib/seed";

const kind = process.argv[2] as ServerKind;
const phoneCount = Number(process.argv[3]);
const { tallyIntervalMs } = fanoutPolicy; // the app's own (socket-server.ts)
const dotsPerPerson = 20; // the schema's maximum
const targetCount = 12;
/** `--events E`: E events in this one process; phone i belongs to event i mod E. */
const eventCount = Math.max(1, Number(process.env.BENCH_EVENTS ?? 1));
const secret = "bench-secret-0123456789abcdef0123456789";
const dir = mkdtempSync(join(tmpdir(), `madein-bench-${kind}-`));
const databaseUrl = `file:${join(dir, "bench.db")}`;

const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();
let cpuBase = process.cpuUsage();
let wallBase = performance.now();

const require = createRequire(import.meta.url);
const loads = (name: string) => {
  try {
    require(require.resolve(name, { paths: [require.resolve("ws", { paths: [require.resolve("engine.io")] })] }));
    return true;
  } catch {
    return false;
  }
};

/** The same options as lib/realtime/socket-server.ts, minus the origin check (floor/naive). */
const sameOptions = {
  maxHttpBufferSize: limits.maxPayloadBytes,
  destroyUpgrade: false,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
};

const cookiesFor = (s: Seeded) => s.participantIds.map((p) => `${participantCookieName(s.eventId)}=${sign(p, secret)}`);

async function commitOrderFromDb(db: Database, roundId: string, phoneOf: Map<string, number>): Promise<CommitOrder> {
  const rows = await db.read
    .select({ voterKey: votes.voterKey, slot: votes.slot })
    .from(votes)
    .where(eq(votes.roundId, roundId))
    .orderBy(sql`rowid`);
  return rows.map((r) => [phoneOf.get(r.voterKey) ?? -1, r.slot]);
}

type Tally = { roundId: string; voters: number; dotsUsed: number; tallies: Record<string, number> };
type Engine = {
  setup: Omit<Setup, "nativeAddons" | "socketIoVersion" | "nodeEnv">;
  /** A fresh round on every event's board, in event order. */
  newRound(): Promise<string[]>;
  order(roundId: string): Promise<CommitOrder>;
};

/** The floor and the naive server share this: in-memory tallies and the same handshake. */
function bareServer(
  onCast: (s: { phone: number; roundId: string; targetId: string; slot: number; place: number }) => Promise<void>,
  perVote: boolean,
) {
  const http = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const io = new Server(http, sameOptions);
  const state = new Map<string, { tally: Tally; mine: Map<number, Record<string, number>>; order: CommitOrder }>();
  const roundState = (roundId: string) => {
    let s = state.get(roundId);
    if (!s) {
      s = { tally: { roundId, voters: 0, dotsUsed: 0, tallies: {} }, mine: new Map(), order: [] };
      state.set(roundId, s);
    }
    return s;
  };
  const tallyUpdates = createCoalescer<string>({
    intervalMs: tallyIntervalMs,
    merge: (_p, r) => r,
    flush: (roundId, r: string) => {
      io.to(r).emit("vote:tallied", { ...roundState(roundId).tally, room: r });
    },
  });
  type Ack = (a: unknown) => void;
  io.on("connection", (socket: Socket) => {
    const phone = Number((socket.handshake.auth as { phone?: number }).phone);
    // Each phone's board is its event's room (several events share the process with --events).
    let room = "";
    socket.on("vote:state", (envelope: { payload: { boardId: string } }, ack: Ack) => {
      room = `board:${envelope.payload.boardId}`;
      socket.join(room);
      ack({ ok: true, result: {} });
    });
    socket.on("vote:cast", async (envelope: { payload: { roundId: string; targetId: string } }, ack: Ack) => {
      const { roundId, targetId } = envelope.payload;
      const s = roundState(roundId);
      // The dot is reserved in memory before the write, so a phone's casts never share a slot.
      const mine = s.mine.get(phone) ?? {};
      const slot = Object.values(mine).reduce((a, b) => a + b, 0);
      const place = mine[targetId] ?? 0;
      if (!s.mine.has(phone)) s.tally.voters++;
      mine[targetId] = place + 1;
      s.mine.set(phone, mine);
      try {
        await onCast({ phone, roundId, targetId, slot, place });
      } catch (error) {
        console.error(`[${kind}] vote write failed`, error);
        return ack({ ok: false, error: { code: "internal" } });
      }
      s.tally.dotsUsed++;
      s.tally.tallies[targetId] = (s.tally.tallies[targetId] ?? 0) + 1;
      s.order.push([phone, slot]);
      ack({ ok: true, result: { mine } });
      if (perVote) io.to(room).emit("vote:tallied", { ...s.tally, room });
      else tallyUpdates.add(roundId, room);
    });
  });
  return { http, order: (roundId: string) => roundState(roundId).order };
}

const listen = (http: ReturnType<typeof createServer>) =>
  new Promise<string>((resolve) =>
    http.listen(0, "127.0.0.1", () => {
      const a = http.address();
      resolve(`http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`);
    }),
  );

async function floorEngine(): Promise<Engine> {
  const server = bareServer(async () => {}, false);
  const url = await listen(server.http);
  const events = Array.from({ length: eventCount }, () => ({
    eventId: randomUUID(),
    boardId: randomUUID(),
    roundId: randomUUID(),
    targets: Array.from({ length: targetCount }, () => randomUUID()),
  }));
  return {
    setup: {
      url,
      ...events[0]!,
      events,
      cookies: Array.from({ length: phoneCount }, () => ""),
      dotsPerPerson,
    },
    newRound: async () => events.map(() => randomUUID()),
    order: async (roundId) => server.order(roundId),
  };
}

async function naiveEngine(): Promise<Engine> {
  if (eventCount > 1) throw new Error("the naive server runs one event (--events is for floor and app)");
  await migrateDatabase(databaseUrl);
  const db = await openDatabase(databaseUrl);
  const seeded = await seed(db, phoneCount, targetCount);
  const phoneOf = new Map(seeded.participantIds.map((p, i) => [`p:${p}`, i]));
  const newRound = async () => {
    const id = randomUUID();
    await db.transact(async (tx) => {
      // One open round per board, as in the app.
      await tx.update(voteRounds).set({ status: "closed" }).where(eq(voteRounds.boardId, seeded.boardId));
      await tx.insert(voteRounds).values({
        id,
        boardId: seeded.boardId,
        eventId: seeded.eventId,
        dotsPerPerson,
        maxPerTarget: dotsPerPerson,
        targets: "notes",
        talliesLive: true,
      });
    });
    return id;
  };
  const server = bareServer(async ({ phone, roundId, targetId, slot, place }) => {
    await db.transact((tx) =>
      tx.insert(votes).values({
        id: randomUUID(),
        roundId,
        voterKey: `p:${seeded.participantIds[phone]}`,
        targetId,
        slot,
        placeOnTarget: place,
        createdAt: Date.now(),
      }),
    );
  }, true);
  const url = await listen(server.http);
  const roundId = await newRound();
  return {
    setup: {
      url,
      eventId: seeded.eventId,
      boardId: seeded.boardId,
      targets: seeded.targets,
      roundId,
      events: [{ eventId: seeded.eventId, boardId: seeded.boardId, roundId, targets: seeded.targets }],
      cookies: cookiesFor(seeded),
      dotsPerPerson,
    },
    newRound: async () => [await newRound()],
    order: (roundId) => commitOrderFromDb(db, roundId, phoneOf),
  };
}

/** What a `cluster` run started besides this process, stopped on exit. */
const extras: { stop(): Promise<void> | void }[] = [];
/** In order: the proxy, the other processes, this server, then Redis, which they all use. */
const stopExtras = async () => {
  for (const e of extras.splice(0)) await Promise.resolve(e.stop()).catch(() => undefined);
};

async function appEngine(nodes = 1): Promise<Engine> {
  const redis = nodes > 1 ? await startRedis() : null;
  if (redis) extras.push({ stop: () => redis.stop() });
  const server = await startServer({
    // LOG_LEVEL: what NODE_ENV=production logs (lib/observability/logger.ts). Without it the
    // parsed env has no NODE_ENV and the logger writes a debug line per command (issue 23).
    env: {
      DATABASE_URL: databaseUrl,
      PORT: 0,
      HOST: "127.0.0.1",
      SESSION_SECRET: secret,
      REDIS_URL: redis?.url,
      LOG_LEVEL: "info",
    },
    pages: false,
    // The default (60 commands per 10 s per connection) is per socket; the load stays far below
    // it per phone, but it is raised so a refusal can never be mistaken for a slow server.
    rateLimit: { points: 100_000, seconds: 1 },
    // So are the event's budgets for participants' writes and votes (1,500 dots a second by
    // default): the knee search sends up to 2,000 a second, and a refusal is not a slow server.
    roomWrites: { writes: 100_000_000, votes: 100_000_000, seconds: 1 },
    log: (m, e) => console.error(`[app] ${m}`, e ?? ""),
  });
  if (process.env.BENCH_YIELD_WRITES === "1") {
    // Experiment (--app-yield-writes): libSQL answers synchronously, so queued transactions run
    // back to back in microtasks and starve socket I/O and timers. Yield one macrotask between
    // them. The write path itself is unchanged; executeCommand looks `transact` up per call.
    const original = server.db.transact.bind(server.db);
    let chain: Promise<unknown> = Promise.resolve();
    server.db.transact = <T>(fn: Parameters<typeof original<T>>[0]) => {
      const run = chain.then(() => new Promise((r) => setImmediate(r))).then(() => original(fn));
      chain = run.catch(() => undefined);
      return run;
    };
  }
  let url = server.url;
  if (redis) {
    extras.unshift({ stop: () => server.close() });
    const others = await Promise.all(
      Array.from({ length: nodes - 1 }, (_, i) =>
        startAppProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, name: `node${i + 2}`, secret, rateLimit: "100000/1" }),
      ),
    );
    for (const o of others) extras.unshift({ stop: () => o.kill() });
    const proxy = await startStickyProxy({ nodes: [server.port, ...others.map((o) => o.port)] });
    extras.unshift({ stop: () => proxy.close() });
    url = proxy.url;
  }
  // Phone i is the (i div E)-th participant of event i mod E.
  const perEvent = Math.ceil(phoneCount / eventCount);
  const seededEvents: Seeded[] = [];
  for (let e = 0; e < eventCount; e++) seededEvents.push(await seed(server.db, perEvent, targetCount));
  const phoneOf = new Map<string, number>();
  const cookies: string[] = [];
  for (let i = 0; i < phoneCount; i++) {
    const s = seededEvents[i % eventCount]!;
    const participantId = s.participantIds[Math.floor(i / eventCount)]!;
    phoneOf.set(`p:${participantId}`, i);
    cookies.push(`${participantCookieName(s.eventId)}=${sign(participantId, secret)}`);
  }
  const current: (string | null)[] = seededEvents.map(() => null);
  const run = async (staff: Seeded["staff"], name: "vote:open" | "vote:close", payload: unknown) => {
    const execution = await executeCommand({ db: server.db, handlers }, staff, name, { id: `bench-${randomUUID()}`, payload });
    if (!execution.ack.ok) throw new Error(`${name} refused: ${execution.ack.error.message}`);
    server.realtime.emitBroadcasts(execution.broadcasts);
    return execution.ack.result;
  };
  const newRound = async () => {
    for (const [e, seeded] of seededEvents.entries()) {
      const previous = current[e];
      if (previous) await run(seeded.staff, "vote:close", { roundId: previous });
      const result = (await run(seeded.staff, "vote:open", {
        boardId: seeded.boardId,
        dotsPerPerson,
        maxPerTarget: dotsPerPerson,
        targets: "notes",
        talliesLive: true,
      })) as { round: { id: string } };
      current[e] = result.round.id;
    }
    return current as string[];
  };
  const rounds = await newRound();
  const events = seededEvents.map((s, e) => ({
    eventId: s.eventId,
    boardId: s.boardId,
    roundId: rounds[e]!,
    targets: s.targets,
  }));
  return {
    setup: {
      url,
      ...events[0]!,
      events,
      cookies,
      dotsPerPerson,
    },
    newRound,
    order: (roundId) => commitOrderFromDb(server.db, roundId, phoneOf),
  };
}

const engine = await (kind === "floor"
  ? floorEngine()
  : kind === "naive"
    ? naiveEngine()
    : appEngine(kind === "cluster" ? Number(process.env.BENCH_NODES ?? 2) : 1));
const gc = (globalThis as { gc?: () => void }).gc;

const answer = async (request: ChildRequest): Promise<unknown> => {
  switch (request.type) {
    case "gc-rss":
      gc?.();
      gc?.();
      return process.memoryUsage().rss;
    case "stats-reset":
      cpuBase = process.cpuUsage();
      wallBase = performance.now();
      eld.reset();
      return null;
    case "stats": {
      const cpu = process.cpuUsage(cpuBase);
      const stats: ChildStats = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        wallMs: performance.now() - wallBase,
        eldP99Ms: eld.percentile(99) / 1e6,
        eldMaxMs: eld.max / 1e6,
        rss: process.memoryUsage().rss,
      };
      return stats;
    }
    case "new-round":
      return engine.newRound();
    case "order":
      return engine.order(request.roundId);
    case "exit":
      await stopExtras();
      setTimeout(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      }, 10);
      return null;
  }
};

process.on("message", (message: { id: number; request: ChildRequest }) => {
  answer(message.request).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
process.on("disconnect", async () => {
  await stopExtras();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});

const setup: Setup = {
  ...engine.setup,
  nativeAddons: { bufferutil: loads("bufferutil"), utf8Validate: loads("utf-8-validate") },
  socketIoVersion: (require("socket.io/package.json") as { version: string }).version,
  nodeEnv: process.env.NODE_ENV,
};
process.send?.({ id: 0, result: setup });
