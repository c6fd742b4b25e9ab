import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import { oncePerCommit, takeBatch } from "./group-commit";
import { roomSequences } from "./schema";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function database() {
  const temp = await openTempDatabase();
  cleanups.push(() => temp.cleanup());
  return temp.db;
}

const rooms = async (db: Awaited<ReturnType<typeof database>>) =>
  (await db.read.select({ room: roomSequences.room }).from(roomSequences)).map((r) => r.room).sort();

describe("group commit", () => {
  it("commits writes that queue up together, except the one that failed", async () => {
    const db = await database();
    const writes = Array.from({ length: 30 }, (_, i) =>
      db.transact(async (tx) => {
        await tx.insert(roomSequences).values({ room: `r${i}`, seq: i });
        if (i === 13) throw new Error("refused");
        return i;
      }),
    );
    const settled = await Promise.allSettled(writes);
    expect(settled.filter((s) => s.status === "rejected")).toHaveLength(1);
    expect(settled[13]).toMatchObject({ status: "rejected" });
    expect(settled[14]).toEqual({ status: "fulfilled", value: 14 });
    const expected = Array.from({ length: 30 }, (_, i) => `r${i}`).filter((r) => r !== "r13");
    expect(await rooms(db)).toEqual(expected.sort());
  });

  it("resolves a write only once another connection can read it", async () => {
    const db = await database();
    const seen = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transact((tx) => tx.insert(roomSequences).values({ room: `r${i}`, seq: i }))
          .then(
            async () =>
              (
                await db.read
                  .select()
                  .from(roomSequences)
                  .where(sql`room = ${`r${i}`}`)
              ).length,
          ),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 20 }, () => 1));
  });

  it("acknowledges nothing of a batch whose transaction SQLite ended", async () => {
    const db = await database();
    const writes = Array.from({ length: 10 }, (_, i) =>
      db.transact(async (tx) => {
        await tx.insert(roomSequences).values({ room: `r${i}`, seq: i });
        if (i === 5) {
          // What an I/O error or RAISE(ROLLBACK) does: the whole transaction is gone.
          await tx.run(sql.raw("ROLLBACK"));
          throw new Error("transaction lost");
        }
        return i;
      }),
    );
    const settled = await Promise.allSettled(writes);
    const stored = new Set(await rooms(db));
    settled.forEach((s, i) => {
      // Whatever resolved is stored; whatever is stored resolved. Nothing half-true.
      expect(stored.has(`r${i}`)).toBe(s.status === "fulfilled");
    });
    // And the queue still works afterwards.
    await db.transact((tx) => tx.insert(roomSequences).values({ room: "after", seq: 1 }));
    expect(await rooms(db)).toContain("after");
    expect(await db.writePragmas()).toMatchObject({ foreignKeys: 1, journalMode: "wal" });
  });
});

describe("a broken batch's error", () => {
  it("names no value of the statement that broke it, in its message or in the log lines of its commands", async () => {
    const db = await database();
    const secret = "Private idea about Mrs Example";
    // The first write commits alone; the five behind it share a commit, which one of them breaks
    // with a statement that has someone's words among its values.
    const writes = Array.from({ length: 6 }, (_, i) =>
      db.transact(async (tx) => {
        await tx.insert(roomSequences).values({ room: `r${i}`, seq: i });
        if (i === 3)
          oncePerCommit(tx, "broken", (t) => t.run(sql`insert into room_sequences (room, seq) values (${secret}, ${null})`));
        return i;
      }),
    );
    const settled = await Promise.allSettled(writes);
    expect(settled[0]).toEqual({ status: "fulfilled", value: 0 });
    const broken = settled.slice(1).map((s) => (s.status === "rejected" ? (s.reason as Error) : null));
    const lines: string[] = [];
    const logger = createLogger({
      nodeEnv: "production",
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    for (const error of broken) {
      expect(error?.message).toMatch(/^write batch aborted \(SQLITE_CONSTRAINT\w*\)$/);
      expect(String(error)).not.toContain("Mrs Example");
      logger.error({ err: error }, "command failed");
    }
    // Each command logs the error with its causes: the statement is there to act on, its values are not.
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).toContain("insert into room_sequences");
      expect(line).not.toContain("Mrs Example");
    }
  });
});

describe("statement cache", () => {
  it("reuses statements with other parameters and survives a schema change", async () => {
    const db = await database();
    for (let i = 0; i < 5; i++) await db.transact((tx) => tx.insert(roomSequences).values({ room: `r${i}`, seq: i }));
    for (let i = 0; i < 5; i++) {
      const [row] = await db.read
        .select()
        .from(roomSequences)
        .where(sql`room = ${`r${i}`}`);
      expect(row?.seq).toBe(i);
    }
    await db.transact((tx) => tx.run(sql.raw("ALTER TABLE room_sequences ADD COLUMN note TEXT")));
    const [row] = await db.read.select().from(roomSequences).where(sql`room = ${"r3"}`);
    expect(row?.seq).toBe(3);
  });
});

describe("takeBatch", () => {
  it("takes writes in arrival order, but only a few of one sender's backlog per commit", () => {
    const pending = [
      ...Array.from({ length: 10 }, (_, i) => ({ key: "flooder", n: i })),
      { key: "phone-a", n: 0 },
      { key: undefined, n: 0 },
      { key: "phone-b", n: 0 },
    ];
    const first = takeBatch(pending);
    expect(first.map((j) => `${j.key}:${j.n}`)).toEqual(["flooder:0", "phone-a:0", "undefined:0", "phone-b:0"]);
    // The rest of the backlog stays queued, still in its own order.
    expect(pending.map((j) => j.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(takeBatch(pending).map((j) => j.n)).toEqual([1]);
  });
});

describe("oncePerCommit", () => {
  const seqOf = async (db: Awaited<ReturnType<typeof database>>, room: string) =>
    (await db.read.select().from(roomSequences).where(sql`room = ${room}`))[0]?.seq ?? 0;

  it("runs once in a commit however many of its writes ask, and again in each later commit", async () => {
    const db = await database();
    const bump = (tx: Parameters<Parameters<typeof db.transact>[0]>[0]) =>
      oncePerCommit(tx, "tally", (t) =>
        t.run(sql`insert into room_sequences (room, seq) values ('tally', 1) on conflict (room) do update set seq = seq + 1`),
      );
    // The first write commits alone; the 19 that queue behind it share the next commit.
    const writes = Array.from({ length: 20 }, (_, i) =>
      db.transact(async (tx) => {
        await tx.insert(roomSequences).values({ room: `r${i}`, seq: i });
        bump(tx);
      }),
    );
    await Promise.all(writes);
    expect(await seqOf(db, "tally")).toBe(2);
    await db.transact(async (tx) => bump(tx));
    expect(await seqOf(db, "tally")).toBe(3);
  });

  it("a failure in it breaks the whole commit: no write in it is acknowledged", async () => {
    const db = await database();
    const writes = Array.from({ length: 5 }, (_, i) =>
      db.transact(async (tx) => {
        await tx.insert(roomSequences).values({ room: `r${i}`, seq: i });
        oncePerCommit(tx, "broken", () => Promise.reject(new Error("disk gone")));
      }),
    );
    const settled = await Promise.allSettled(writes);
    expect(settled.every((s) => s.status === "rejected")).toBe(true);
    expect(await rooms(db)).toEqual([]);
  });
});
