import { randomUUID } from "node:crypto";
import type { Client } from "@libsql/client";

/**
 * Several app processes may start together on one database (a deploy, a crash loop, a test);
 * exactly one of them must migrate while the others wait. A lease row in the database itself is
 * the lock, so it works the same on an embedded file and on a libSQL server: taking it is one
 * atomic upsert that succeeds only if nobody holds it or the holder's lease ran out (a holder
 * that crashed mid-migration frees it after `leaseMs`). The holder renews the lease while it
 * works. drizzle's journal then makes the waiters' own migration run a no-op.
 */
export const migrationLockTable = "__madein_migration_lock";

export type LockOptions = {
  /** How long a lease lasts without renewal. */
  leaseMs?: number;
  /** How often a waiter tries again. */
  pollMs?: number;
  /** Give up waiting after this long (a lock held this long is a bug, not a slow migration). */
  timeoutMs?: number;
  now?: () => number;
};

export async function withMigrationLock<T>(client: Client, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 100;
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const holder = randomUUID();

  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${migrationLockTable} (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      holder TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    )`,
  );

  const tryAcquire = async () => {
    const at = now();
    await client.execute({
      sql: `INSERT INTO ${migrationLockTable} (id, holder, expires_at) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE ${migrationLockTable}.expires_at < ?`,
      args: [holder, at + leaseMs, at],
    });
    const row = await client.execute(`SELECT holder FROM ${migrationLockTable} WHERE id = 1`);
    return row.rows[0]?.holder === holder;
  };

  const started = now();
  while (!(await tryAcquire())) {
    if (now() - started > timeoutMs) throw new Error(`Waited ${timeoutMs} ms for the migration lock; is another process stuck?`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  const renew = setInterval(
    () => {
      client
        .execute({
          sql: `UPDATE ${migrationLockTable} SET expires_at = ? WHERE id = 1 AND holder = ?`,
          args: [now() + leaseMs, holder],
        })
        .catch(() => undefined); // a failed renewal only shortens the lease
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await client.execute({ sql: `DELETE FROM ${migrationLockTable} WHERE id = 1 AND holder = ?`, args: [holder] });
  }
}
