/**
 * Committed votes/s and commit latency through the app's own write path: executeCommand with
 * the real vote:cast handler (command log, checks, insert) on a migrated libSQL file, via the
 * same write queue and PRAGMAs the server runs with. No sockets.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/realtime/execute-command";
import type { HandlerTable } from "@/lib/realtime/handler";
import { handlers as appHandlers } from "@/lib/realtime/handlers";
import { seed } from "./seed";
import { ascending, percentile, round1 } from "./stats";

export type DbMicroResult = {
  pragmas: { foreignKeys: number; journalMode: string; busyTimeout: number };
  /**
   * `cpuMsPerVote` / `cpuMsPerInsert`: this process's CPU time (user + system, SQLite included:
   * libSQL runs on the main thread) per write. Less swayed by a busy machine than the rates.
   */
  serial: {
    votes: number;
    p50Ms: number | null;
    p99Ms: number | null;
    votesPerSecond: number | null;
    cpuMsPerVote: number | null;
  };
  concurrent: {
    votes: number;
    inFlight: number;
    p50Ms: number | null;
    p99Ms: number | null;
    votesPerSecond: number | null;
    cpuMsPerVote: number | null;
  };
  /**
   * The raw floor on the same file, PRAGMAs and write queue (db/group-commit.ts, so grouped the
   * way the app groups: each insert in its own savepoint, at most one per sender per commit):
   * one INSERT of a vote row per write, nothing else, with the same number in flight.
   */
  raw: {
    rows: number;
    inFlight: number;
    p50Ms: number | null;
    p99Ms: number | null;
    insertsPerSecond: number | null;
    cpuMsPerInsert: number | null;
  };
  /** App votes/s ÷ raw inserts/s, both with `inFlight` in flight. */
  appVsRawWrites: number | null;
  failures: number;
};

/** CPU milliseconds per write since `start` (a `process.cpuUsage()`), 3 decimals. */
function cpuMsPer(start: NodeJS.CpuUsage, writes: number) {
  if (writes === 0) return null;
  const used = process.cpuUsage(start);
  return Math.round(((used.user + used.system) / 1000 / writes) * 1000) / 1000;
}

export async function runDbMicro(options: {
  participants: number;
  serialVotes: number;
  inFlight: number;
  /** For before/after comparisons of a handler; the app's own by default. */
  handlers?: HandlerTable;
}): Promise<DbMicroResult> {
  const handlers = options.handlers ?? appHandlers;
  const dir = mkdtempSync(join(tmpdir(), "madein-bench-db-"));
  const url = `file:${join(dir, "micro.db")}`;
  await migrateDatabase(url);
  const db = await openDatabase(url);
  try {
    const seeded = await seed(db, options.participants, 12);
    const opened = await executeCommand({ db, handlers }, seeded.staff, "vote:open", {
      id: `open-${randomUUID()}`,
      payload: { boardId: seeded.boardId, dotsPerPerson: 20, maxPerTarget: 20, targets: "notes", talliesLive: true },
    });
    if (!opened.ack.ok) throw new Error(opened.ack.error.message);
    const roundId = opened.ack.result.round.id;
    const actors: Actor[] = seeded.participantIds.map((participantId) => ({
      kind: "participant",
      eventId: seeded.eventId,
      participantId,
      name: "Phone",
      role: "participant",
    }));
    // Vote k goes to phone k mod P, on a rotating note: casts only, 20 dots per phone.
    const jobs = Array.from({ length: options.participants * 20 }, (_, k) => ({
      actor: actors[k % actors.length]!,
      targetId: seeded.targets[(k + Math.floor(k / actors.length)) % seeded.targets.length]!,
    }));
    let failures = 0;
    const cast = async (job: (typeof jobs)[number]) => {
      const t = performance.now();
      const run = await executeCommand({ db, handlers }, job.actor, "vote:cast", {
        id: `cast-${randomUUID()}`,
        payload: { roundId, targetId: job.targetId },
      });
      if (!run.ack.ok) failures++;
      return performance.now() - t;
    };

    const serialJobs = jobs.slice(0, options.serialVotes);
    const serial: number[] = [];
    const s0 = performance.now();
    const sCpu = process.cpuUsage();
    for (const job of serialJobs) serial.push(await cast(job));
    const serialSeconds = (performance.now() - s0) / 1000;
    const serialCpu = cpuMsPer(sCpu, serial.length);

    const rest = jobs.slice(options.serialVotes);
    const concurrent: number[] = [];
    let next = 0;
    const c0 = performance.now();
    const cCpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: options.inFlight }, async () => {
        while (next < rest.length) concurrent.push(await cast(rest[next++]!));
      }),
    );
    const concurrentSeconds = (performance.now() - c0) / 1000;
    const concurrentCpu = cpuMsPer(cCpu, concurrent.length);

    // The raw floor: a fresh round on the same board, the same phones and targets in the same
    // order, each vote one INSERT (the row the handler would write) through db.transact with the
    // handler's fairness key, `inFlight` at a time. The table's indexes and triggers still run.
    const closed = await executeCommand({ db, handlers }, seeded.staff, "vote:close", {
      id: `close-${randomUUID()}`,
      payload: { roundId },
    });
    if (!closed.ack.ok) throw new Error(closed.ack.error.message);
    const reopened = await executeCommand({ db, handlers }, seeded.staff, "vote:open", {
      id: `open-${randomUUID()}`,
      payload: { boardId: seeded.boardId, dotsPerPerson: 20, maxPerTarget: 20, targets: "notes", talliesLive: true },
    });
    if (!reopened.ack.ok) throw new Error(reopened.ack.error.message);
    const rawRound = reopened.ack.result.round.id;
    const slots = new Map<string, number>();
    const places = new Map<string, number>();
    const rows = rest.map((job) => {
      const voter = `p:${(job.actor as Extract<Actor, { kind: "participant" }>).participantId}`;
      const slot = slots.get(voter) ?? 0;
      slots.set(voter, slot + 1);
      const placeKey = `${voter} ${job.targetId}`;
      const place = places.get(placeKey) ?? 0;
      places.set(placeKey, place + 1);
      return { voter, targetId: job.targetId, slot, place };
    });
    const raw: number[] = [];
    let rawFailures = 0;
    let nextRaw = 0;
    const r0 = performance.now();
    const rCpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: options.inFlight }, async () => {
        while (nextRaw < rows.length) {
          const row = rows[nextRaw++]!;
          const t = performance.now();
          try {
            await db.transact(
              (tx) =>
                tx.run(
                  sql`insert into votes (id, round_id, voter_key, target_id, slot, place_on_target, created_at) values (${randomUUID()}, ${rawRound}, ${row.voter}, ${row.targetId}, ${row.slot}, ${row.place}, ${Date.now()})`,
                ),
              { fairnessKey: row.voter },
            );
          } catch {
            rawFailures++;
          }
          raw.push(performance.now() - t);
        }
      }),
    );
    const rawSeconds = (performance.now() - r0) / 1000;
    const rawCpu = cpuMsPer(rCpu, raw.length);
    if (rawFailures > 0) throw new Error(`${rawFailures} raw inserts failed`);
    const s = ascending(serial);
    const c = ascending(concurrent);
    const r = ascending(raw);
    return {
      pragmas: await db.writePragmas(),
      serial: {
        votes: s.length,
        p50Ms: round1(percentile(s, 50)),
        p99Ms: round1(percentile(s, 99)),
        votesPerSecond: round1(s.length / serialSeconds),
        cpuMsPerVote: serialCpu,
      },
      concurrent: {
        votes: c.length,
        inFlight: options.inFlight,
        p50Ms: round1(percentile(c, 50)),
        p99Ms: round1(percentile(c, 99)),
        votesPerSecond: round1(c.length / concurrentSeconds),
        cpuMsPerVote: concurrentCpu,
      },
      raw: {
        rows: raw.length,
        inFlight: options.inFlight,
        p50Ms: round1(percentile(r, 50)),
        p99Ms: round1(percentile(r, 99)),
        insertsPerSecond: round1(raw.length / rawSeconds),
        cpuMsPerInsert: rawCpu,
      },
      appVsRawWrites:
        c.length && raw.length ? Math.round((c.length / concurrentSeconds / (raw.length / rawSeconds)) * 1000) / 1000 : null,
      failures,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
