import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { tempDatabaseUrl } from "@/test/integration/support/fixtures";
import { migrationLockTable, withMigrationLock } from "./migration-lock";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function clients(n: number) {
  const temp = tempDatabaseUrl("madein-lock-");
  const list = Array.from({ length: n }, () => createClient({ url: temp.url, concurrency: 1 }));
  cleanups.push(() => {
    for (const c of list) c.close();
    temp.remove();
  });
  return list;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("withMigrationLock", () => {
  it("lets one holder in at a time", async () => {
    const all = clients(4);
    for (const c of all) await c.execute("PRAGMA busy_timeout = 5000");
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      all.map((client, i) =>
        withMigrationLock(
          client,
          async () => {
            inside++;
            most = Math.max(most, inside);
            await sleep(30);
            order.push(i);
            inside--;
          },
          { pollMs: 5 },
        ),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3]);
    const left = await all[0]!.execute(`SELECT count(*) AS n FROM ${migrationLockTable}`);
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it("takes over the lease of a holder that died", async () => {
    const [a, b] = clients(2);
    await withMigrationLock(a!, async () => undefined); // creates the table
    await a!.execute(`INSERT INTO ${migrationLockTable} (id, holder, expires_at) VALUES (1, 'crashed', ${Date.now() + 200})`);
    const started = Date.now();
    await withMigrationLock(b!, async () => undefined, { pollMs: 10 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("frees the lock when the work fails", async () => {
    const [a] = clients(1);
    await expect(
      withMigrationLock(a!, async () => {
        throw new Error("bad migration");
      }),
    ).rejects.toThrow("bad migration");
    await withMigrationLock(a!, async () => undefined, { timeoutMs: 500 });
  });
});
