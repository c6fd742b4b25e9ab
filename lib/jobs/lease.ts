import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobLeases } from "@/db/schema";

export type LeaseRequest = {
  name: string;
  /** This process (or run): only the holder may release the lease. */
  holder: string;
  now: number;
  /** How long the holder may take before another process may take over (it died, say). */
  ttlMs: number;
  /** A scheduled run: taken only if the job has not finished within this interval. */
  onlyIfNotDoneWithinMs?: number;
};

/**
 * Takes the lease if nobody holds it (or their hold expired), in one statement: SQLite runs one
 * write at a time, so of several processes asking at once exactly one gets `true`.
 */
export async function acquireLease(db: Database, request: LeaseRequest): Promise<boolean> {
  const { name, holder, now, ttlMs, onlyIfNotDoneWithinMs } = request;
  const free = lte(jobLeases.expiresAt, now);
  const due =
    onlyIfNotDoneWithinMs === undefined
      ? free
      : and(free, or(isNull(jobLeases.lastDoneAt), lte(jobLeases.lastDoneAt, now - onlyIfNotDoneWithinMs)));
  try {
    const rows = await db.transact((tx) =>
      tx
        .insert(jobLeases)
        .values({ name, holder, expiresAt: now + ttlMs })
        .onConflictDoUpdate({ target: jobLeases.name, set: { holder, expiresAt: now + ttlMs }, setWhere: due })
        .returning({ holder: jobLeases.holder }),
    );
    return rows[0]?.holder === holder;
  } catch (error) {
    // Another process held the database's write lock past the busy timeout: it is busy, so not us this time.
    if (String((error as { code?: string }).code ?? "").startsWith("SQLITE_BUSY")) return false;
    throw error;
  }
}

/** Gives the lease back and notes when the job finished (when `done`). */
export async function releaseLease(db: Database, lease: { name: string; holder: string; now: number; done: boolean }) {
  await db.transact((tx) =>
    tx
      .update(jobLeases)
      .set(lease.done ? { expiresAt: lease.now, lastDoneAt: lease.now } : { expiresAt: lease.now })
      .where(and(eq(jobLeases.name, lease.name), eq(jobLeases.holder, lease.holder))),
  );
}
