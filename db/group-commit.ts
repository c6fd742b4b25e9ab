import type { Db, Tx } from "./client";
import { runFixed } from "./fixed-sql";

/** Bounds how long the first write of a batch waits for the commit that makes it durable. */
const maxWritesPerCommit = 64;
/**
 * How many writes of one sender (fairness key) one commit takes. A sender with a backlog (a
 * script bursting its whole rate allowance) is spread over several commits, so the room's other
 * writes never queue behind all of it.
 */
const maxWritesPerSender = 1;

type Job = {
  fn: (tx: Tx) => Promise<unknown>;
  key: string | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** Takes the next batch: in arrival order, at most `maxWritesPerSender` of any one sender. */
export function takeBatch<J extends { key: string | undefined }>(pending: J[]): J[] {
  const batch: J[] = [];
  const rest: J[] = [];
  const taken = new Map<string, number>();
  for (const job of pending) {
    const count = job.key === undefined ? 0 : (taken.get(job.key) ?? 0);
    if (batch.length < maxWritesPerCommit && count < maxWritesPerSender) {
      batch.push(job);
      if (job.key !== undefined) taken.set(job.key, count + 1);
    } else rest.push(job);
  }
  pending.splice(0, pending.length, ...rest);
  return batch;
}

/** Work asked for once per transaction, whichever of its writes asked (see `oncePerCommit`). */
const beforeCommit = new WeakMap<Tx, Map<string, (tx: Tx) => Promise<unknown>>>();

/**
 * Runs `fn` once in this transaction, just before it commits, however many of the writes
 * sharing it ask with the same key: e.g. a tally's version, which must move in every commit that
 * changes the tally, but only once however many dots the commit holds. A write that fails after
 * asking leaves the request in place: `fn` must be harmless to run for nothing.
 */
export function oncePerCommit(tx: Tx, key: string, fn: (tx: Tx) => Promise<unknown>) {
  let asked = beforeCommit.get(tx);
  if (!asked) {
    asked = new Map();
    beforeCommit.set(tx, asked);
  }
  if (!asked.has(key)) asked.set(key, fn);
}

async function runBeforeCommit(tx: Tx) {
  const asked = beforeCommit.get(tx);
  if (!asked) return;
  beforeCommit.delete(tx);
  for (const fn of asked.values()) await fn(tx);
}

/**
 * The batch's transaction is gone (SQLite rolled it back): nothing in it may be acknowledged.
 * Its message is fixed (plus SQLite's code): it is logged once per command of the batch, and the
 * failed statement's text would carry its values (note text, names) into every line. The
 * statement stays in `cause`, which the logger scrubs.
 */
class BatchBroken extends Error {
  constructor(cause: unknown) {
    const code = sqliteCode(cause);
    super(code ? `write batch aborted (${code})` : "write batch aborted", { cause });
    this.name = "BatchBroken";
  }
}

/** SQLite's code (SQLITE_IOERR, SQLITE_FULL…) from an error or one of its causes, if any. */
function sqliteCode(error: unknown): string | null {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 8; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * One write queue with group commit.
 *
 * Each write still runs alone and in order, but writes that arrive while a commit is in
 * progress run together in the next transaction, each inside its own savepoint: a write that
 * fails rolls back to its savepoint and leaves the others alone, and every write's promise
 * resolves only after the shared COMMIT, so nothing is acknowledged before it is durable.
 * When votes pour in, one commit (and its WAL frames) serves many of them instead of one each.
 *
 * Between batches the queue yields to the event loop, so socket reads, acks and timers are
 * served between batches rather than after the whole backlog (libSQL answers synchronously).
 */
export type CommitListener = (seconds: number, writes: number) => void;

export function groupCommitQueue(write: Db) {
  const pending: Job[] = [];
  let draining = false;

  async function runAlone(job: Job) {
    try {
      job.resolve(
        await write.transaction(async (tx) => {
          const value = await job.fn(tx);
          await runBeforeCommit(tx);
          return value;
        }),
      );
    } catch (error) {
      job.reject(error);
    }
  }

  async function runTogether(batch: Job[]) {
    const committed: { job: Job; value: unknown }[] = [];
    try {
      await write.transaction(async (tx) => {
        for (const job of batch) {
          await runFixed(tx, "SAVEPOINT write");
          try {
            const value = await job.fn(tx);
            await runFixed(tx, "RELEASE write");
            committed.push({ job, value });
          } catch (error) {
            try {
              await runFixed(tx, "ROLLBACK TO write");
              await runFixed(tx, "RELEASE write");
            } catch {
              // No savepoint to return to: SQLite ended the whole transaction (I/O error,
              // full disk…). The writes before this one went with it.
              throw new BatchBroken(error);
            }
            job.reject(error);
          }
        }
        try {
          await runBeforeCommit(tx);
        } catch (error) {
          throw new BatchBroken(error);
        }
      });
    } catch (error) {
      for (const { job } of committed) job.reject(error);
      // The write that broke the batch, and any not reached, are rejected too: their callers
      // retry with the same command ids, which the command log makes safe.
      for (const job of batch) if (!committed.some((c) => c.job === job)) job.reject(error);
      return;
    }
    for (const { job, value } of committed) job.resolve(value);
  }

  const commitListeners = new Set<CommitListener>();

  async function drain() {
    while (pending.length > 0) {
      const batch = takeBatch(pending);
      const started = performance.now();
      if (batch.length === 1) await runAlone(batch[0] as Job);
      else await runTogether(batch);
      const seconds = (performance.now() - started) / 1000;
      for (const listener of commitListeners) listener(seconds, batch.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    draining = false;
  }

  function transact<T>(fn: (tx: Tx) => Promise<T>, options?: { fairnessKey?: string }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      pending.push({ fn, key: options?.fairnessKey, resolve: resolve as (value: unknown) => void, reject });
      if (!draining) {
        draining = true;
        void drain();
      }
    });
  }

  return Object.assign(transact, {
    /** Writes waiting for their turn (not counting the batch being committed). */
    depth: () => pending.length,
    /** Called after each batch with its duration and size; returns an unsubscribe. */
    onCommit(listener: CommitListener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
  });
}
