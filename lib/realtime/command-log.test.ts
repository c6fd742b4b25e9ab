import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandLog } from "@/db/schema";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import {
  commandLogPruneEveryMs,
  commandLogWindowMs,
  forgetBroadcasts,
  outboxMaxAgeMs,
  pruneCommandLog,
  replayWindowMs,
} from "./command-log";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(() => temp.cleanup());

const row = (commandId: string, createdAt: number) => ({ actorKey: "p:someone", commandId, name: "note:create", createdAt });

describe("pruneCommandLog", () => {
  it("forgets commands older than the window and keeps the rest", async () => {
    const now = 10 * commandLogWindowMs;
    const old = Array.from({ length: 4500 }, (_, i) => row(`old-${i}`, now - commandLogWindowMs - 1 - i));
    await temp.db.transact(async (tx) => {
      for (let i = 0; i < old.length; i += 500) await tx.insert(commandLog).values(old.slice(i, i + 500));
      await tx.insert(commandLog).values([row("recent", now - commandLogWindowMs + 1000), row("now", now)]);
    });
    expect(await pruneCommandLog(temp.db, now)).toBe(4500);
    const left = await temp.db.read.select({ id: commandLog.commandId }).from(commandLog);
    expect(left.map((r) => r.id).sort()).toEqual(["now", "recent"]);
  });

  it("is safe to run from several processes at once", async () => {
    const now = 10 * commandLogWindowMs;
    await temp.db.transact((tx) =>
      tx.insert(commandLog).values(Array.from({ length: 300 }, (_, i) => row(`old-${i}`, now - commandLogWindowMs - 1))),
    );
    const removed = await Promise.all([
      pruneCommandLog(temp.db, now),
      pruneCommandLog(temp.db, now),
      pruneCommandLog(temp.db, now),
    ]);
    expect(removed.reduce((a, b) => a + b, 0)).toBe(300);
    expect(await temp.db.read.select().from(commandLog)).toEqual([]);
  });

  it("forgets what commands broadcast once a retry no longer re-sends it, and keeps their answers", async () => {
    const now = 10 * commandLogWindowMs;
    const fanout = { broadcasts: [{ event: "note:changed", data: { text: "12 Acre Lane, flat 3" } }], signals: [] };
    const sent = (commandId: string, createdAt: number) => ({ ...row(commandId, createdAt), result: { ok: 1 }, fanout });
    const old = Array.from({ length: 2500 }, (_, i) => sent(`old-${i}`, now - replayWindowMs - 1 - i));
    await temp.db.transact(async (tx) => {
      for (let i = 0; i < old.length; i += 500) await tx.insert(commandLog).values(old.slice(i, i + 500));
      await tx.insert(commandLog).values(sent("fresh", now - replayWindowMs + 1000));
    });
    await pruneCommandLog(temp.db, now);
    const left = await temp.db.read.select().from(commandLog);
    expect(left).toHaveLength(2501);
    expect(left.filter((r) => r.fanout !== null).map((r) => r.commandId)).toEqual(["fresh"]);
    expect(left.every((r) => JSON.stringify(r.result) === '{"ok":1}')).toBe(true);
    expect(await forgetBroadcasts(temp.db, now)).toBe(0);
    // The sweep runs often enough that a broadcast is kept at most a minute and a half.
    expect(replayWindowMs + commandLogPruneEveryMs).toBeLessThanOrEqual(90_000);
  });

  it("outlives what a phone would still resend", () => {
    expect(outboxMaxAgeMs).toBeLessThan(commandLogWindowMs);
  });
});
