import { statSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import { type Checkpointer, startBackgroundCheckpoints } from "./checkpointer";
import { openDatabase } from "./client";
import { roomSequences } from "./schema";

let temp: Awaited<ReturnType<typeof openTempDatabase>> | null = null;
let checkpoints: Checkpointer | null = null;
afterEach(async () => {
  await checkpoints?.stop();
  checkpoints = null;
  temp?.cleanup();
  temp = null;
});

const sizeOf = (path: string) => statSync(path).size;
const fileOf = (url: string) => url.slice("file:".length);

/** `count` commits of a few pages each: ~1 MB of WAL, below SQLite's own threshold once raised. */
async function writeMany(db: NonNullable<typeof temp>["db"], count: number, from = 0) {
  for (let i = from; i < from + count; i++) {
    await db.transact((tx) => tx.insert(roomSequences).values({ room: `${"x".repeat(3000)}${i}`, seq: i }));
  }
}

describe("background checkpoints", () => {
  it("copy the WAL into the database file off the event loop, and nothing written is lost", async () => {
    temp = await openTempDatabase();
    const file = fileOf(temp.url);
    checkpoints = await startBackgroundCheckpoints(temp.db, { intervalMs: 20 });
    expect(checkpoints).not.toBeNull();
    const before = sizeOf(file);
    await writeMany(temp.db, 300);
    // The worker's checkpoints grow the database file; the writer's own threshold is far away.
    await vi.waitFor(() => expect(sizeOf(file)).toBeGreaterThan(before + 300 * 3000), { timeout: 20_000, interval: 50 });
    const rows = await temp.db.read.select({ n: sql<number>`count(*)` }).from(roomSequences);
    expect(rows[0]?.n).toBe(300);

    // Another process opening the file after a stop sees every row.
    await checkpoints?.stop();
    checkpoints = null;
    temp.db.close();
    const again = await openDatabase(temp.url);
    try {
      const [row] = await again.read.select({ n: sql<number>`count(*)` }).from(roomSequences);
      expect(row?.n).toBe(300);
    } finally {
      again.close();
    }
    temp.remove();
    temp = null;
  });

  it("stop hands checkpoints back to SQLite: the writer checkpoints by itself again", async () => {
    temp = await openTempDatabase();
    const file = fileOf(temp.url);
    checkpoints = await startBackgroundCheckpoints(temp.db, { intervalMs: 60_000 });
    await checkpoints?.stop();
    checkpoints = null;
    const before = sizeOf(file);
    // Past SQLite's default threshold (1,000 pages): the COMMIT that crosses it checkpoints.
    await writeMany(temp.db, 400);
    expect(sizeOf(file)).toBeGreaterThan(before + 300 * 3000);
  });

  it("are not started for a database that is not a local file", async () => {
    temp = await openTempDatabase();
    expect(await startBackgroundCheckpoints({ ...temp.db, url: "libsql://db.example.org" })).toBeNull();
  });
});
