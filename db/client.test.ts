import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openTempDatabase, tempDatabaseUrl } from "@/test/integration/support/fixtures";
import { migrateDatabase, openDatabase } from "./client";
import { notes, roomSequences } from "./schema";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function database() {
  const temp = await openTempDatabase();
  cleanups.push(() => temp.cleanup());
  return temp;
}

/** drizzle wraps the driver's error as "Failed query: …"; SQLite's reason is its cause. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return `${String(error)} ${cause ? String(cause) : ""}`;
  }
  throw new Error("expected the write to be refused");
}

const expectedPragmas = { foreignKeys: 1, journalMode: "wal", busyTimeout: 5000 };

describe("openDatabase", () => {
  it("keeps foreign_keys, WAL and busy_timeout on the write connection after transactions", async () => {
    const { db } = await database();
    expect(await db.writePragmas()).toEqual(expectedPragmas);

    await db.transact((tx) => tx.insert(roomSequences).values({ room: "board:a", seq: 1 }));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.transact((tx) => tx.insert(roomSequences).values({ room: `r${i}`, seq: i }))),
    );
    await expect(
      db.transact(async (tx) => {
        await tx.insert(roomSequences).values({ room: "rolled-back", seq: 1 });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");

    expect(await db.writePragmas()).toEqual(expectedPragmas);
    const rows = await db.read.select().from(roomSequences);
    expect(rows.map((r) => r.room)).not.toContain("rolled-back");
    expect(rows).toHaveLength(21);
  });

  it("rejects a foreign-key violation inside transact, and keeps serving writes afterwards", async () => {
    const { db } = await database();
    const orphan = { id: "n1", boardId: "no-such-board", column: "ideas", text: "orphan" };
    expect(await failure(db.transact((tx) => tx.insert(notes).values(orphan)))).toMatch(/FOREIGN KEY constraint failed/);
    // Enforced on every later transaction too, not only the first one on a fresh connection.
    expect(await failure(db.transact((tx) => tx.insert(notes).values({ ...orphan, id: "n2" })))).toMatch(
      /FOREIGN KEY constraint failed/,
    );
    expect(await db.read.select().from(notes)).toEqual([]);

    await db.transact((tx) => tx.insert(roomSequences).values({ room: "after", seq: 7 }));
    expect(await db.read.select().from(roomSequences)).toEqual([{ room: "after", seq: 7 }]);
    expect(await db.writePragmas()).toEqual(expectedPragmas);
  });

  it("runs queued transactions one after another, in order", async () => {
    const { db } = await database();
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transact(async (tx) => {
          order.push(i);
          await tx.run(sql`select 1`);
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 10 }, (_, i) => [i, i]).flat());
  });

  it("lets readers see a committed write at once", async () => {
    const { db } = await database();
    await db.transact((tx) => tx.insert(roomSequences).values({ room: "board:x", seq: 3 }));
    expect(await db.read.select().from(roomSequences)).toEqual([{ room: "board:x", seq: 3 }]);
  });
});

describe("migrateDatabase", () => {
  it("is idempotent: running it twice leaves one applied migration and the data in place", async () => {
    const temp = tempDatabaseUrl();
    cleanups.push(temp.remove);
    await migrateDatabase(temp.url);
    const db = await openDatabase(temp.url);
    await db.transact((tx) => tx.insert(roomSequences).values({ room: "kept", seq: 2 }));
    const applied = async () => (await db.read.run(sql`select hash from __drizzle_migrations`)).rows.length;
    const before = await applied();
    expect(before).toBeGreaterThan(0);

    await migrateDatabase(temp.url);

    expect(await applied()).toBe(before);
    expect(await db.read.select().from(roomSequences)).toEqual([{ room: "kept", seq: 2 }]);
    db.close();
  });

  it("creates the database's directory when it does not exist", async () => {
    const temp = tempDatabaseUrl();
    cleanups.push(temp.remove);
    const nested = temp.url.replace(/madein\.db$/, "deeper/still/madein.db");
    await migrateDatabase(nested);
    const db = await openDatabase(nested);
    expect(await db.writePragmas()).toEqual(expectedPragmas);
    db.close();
  });
});
