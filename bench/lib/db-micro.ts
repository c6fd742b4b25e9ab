/**
 * Committed votes/s and commit latency through the app's own write path: executeCommand with
 * the real vote:cast handler (command log, checks, insert) on a migrated libSQL file, via the
 * same write queue and PRAGMAs the server runs with. No sockets.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/realtime/execute-command";
import type { HandlerTable } from "@/lib/realtime/handler";
import { handlers as appHandlers } from "@/lib/realtime/handlers";
import { seed } from "./seed";
import { ascending, percentile, round1 } from "./stats";

export type DbMicroResult = {
  pragmas: { foreignKeys: number; journalMode: string; busyTimeout: number };
  serial: { votes: number; p50Ms: number | null; p99Ms: number | null; votesPerSecond: number | null };
  concurrent: { votes: number; inFlight: number; p50Ms: number | null; p99Ms: number | null; votesPerSecond: number | null };
  failures: number;
};

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
    for (const job of serialJobs) serial.push(await cast(job));
    const serialSeconds = (performance.now() - s0) / 1000;

    const rest = jobs.slice(options.serialVotes);
    const concurrent: number[] = [];
    let next = 0;
    const c0 = performance.now();
    await Promise.all(
      Array.from({ length: options.inFlight }, async () => {
        while (next < rest.length) concurrent.push(await cast(rest[next++]!));
      }),
    );
    const concurrentSeconds = (performance.now() - c0) / 1000;
    const s = ascending(serial);
    const c = ascending(concurrent);
    return {
      pragmas: await db.writePragmas(),
      serial: {
        votes: s.length,
        p50Ms: round1(percentile(s, 50)),
        p99Ms: round1(percentile(s, 99)),
        votesPerSecond: round1(s.length / serialSeconds),
      },
      concurrent: {
        votes: c.length,
        inFlight: options.inFlight,
        p50Ms: round1(percentile(c, 50)),
        p99Ms: round1(percentile(c, 99)),
        votesPerSecond: round1(c.length / concurrentSeconds),
      },
      failures,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
