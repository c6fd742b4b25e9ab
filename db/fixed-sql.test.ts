import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import type { Tx } from "./client";
import { jsonIn, jsonOut, rowsOf, runFixed } from "./fixed-sql";
import { roomSequences } from "./schema";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(() => temp.cleanup());

const insert = "insert into room_sequences (room, seq) values (?1, ?2)";

describe("fixed SQL", () => {
  it("runs inside the write's transaction: it sees the write's own rows, and goes when the write fails", async () => {
    const { db } = temp;
    // Queued together, so they share one transaction, each in its own savepoint.
    const writes = Array.from({ length: 10 }, (_, i) =>
      db.transact(async (tx) => {
        await tx.insert(roomSequences).values({ room: `drizzle-${i}`, seq: i });
        await runFixed(tx, insert, [`fixed-${i}`, i]);
        const [row] = await rowsOf(tx, "select seq from room_sequences where room = ?1", [`drizzle-${i}`]);
        if (i === 4) throw new Error("refused");
        return Number(row?.seq);
      }),
    );
    const settled = await Promise.allSettled(writes);
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : "refused"))).toEqual([0, 1, 2, 3, "refused", 5, 6, 7, 8, 9]);
    const rooms = (await db.read.select({ room: roomSequences.room }).from(roomSequences)).map((r) => r.room);
    expect(rooms).toHaveLength(18);
    expect(rooms).not.toContain("fixed-4");
    expect(rooms).not.toContain("drizzle-4");
  });

  it("refuses a handle that is not a transaction's, rather than run on another connection", async () => {
    await expect(rowsOf(temp.db.read as unknown as Tx, "select 1", [])).rejects.toThrow(/only inside db.transact/);
  });

  it("stores JSON as drizzle's json columns do", () => {
    expect(jsonIn({ a: [1, "b"] })).toBe('{"a":[1,"b"]}');
    expect(jsonIn(undefined)).toBeNull();
    expect(jsonOut('{"a":[1,"b"]}')).toEqual({ a: [1, "b"] });
    expect(jsonOut(null)).toBeNull();
  });
});
