import { createRequire } from "node:module";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Database } from "./client";

/**
 * Checkpoints the WAL on a worker thread, so the event loop does not.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 WAL pages: on the
 * server's one thread, copying those pages into the database file and syncing it, while sockets
 * wait. Under a burst of votes that was about half of every COMMIT's time (bench/README.md,
 * finding 27). Here a second connection, on its own thread, runs a PASSIVE checkpoint a few times a
 * second while there are new commits: it never blocks a writer or a reader, and the writer
 * restarts the WAL from its beginning once everything in it has been copied.
 *
 * Durability is unchanged: a commit is durable once it is in the WAL (synchronous = NORMAL in
 * WAL mode survives a process crash), before and after any checkpoint. The write connection keeps
 * a far larger automatic threshold as a safety net: if the worker stops, SQLite checkpoints
 * in-thread again before the WAL grows past it.
 */
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.libsql);
const db = new Database(workerData.path);
db.exec("PRAGMA busy_timeout = 5000");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const row = checkpoint.get();
    parentPort.postMessage({ ok: true, walPages: row.log, copied: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error) });
  }
});
`;

/** WAL pages after which the writer checkpoints by itself anyway (about 80 MB). */
const safetyNetPages = 20_000;
const defaultPages = 1000;

export type Checkpointer = { stop(): Promise<void> };

export async function startBackgroundCheckpoints(
  database: Database,
  options: { intervalMs?: number; log?: (message: string, error?: unknown) => void } = {},
): Promise<Checkpointer | null> {
  const path = filePathOf(database.url);
  if (!path) return null; // a remote database checkpoints itself
  const libsql = createRequire(import.meta.url).resolve("libsql");
  const worker = new Worker(workerSource, { eval: true, workerData: { libsql, path } });
  worker.unref();
  let alive = true;
  let busy = false;
  let committed = false;
  const unsubscribe = database.writeQueue.onCommit(() => {
    committed = true;
  });
  const fallBack = (why: string, error?: unknown) => {
    if (!alive) return;
    alive = false;
    clearInterval(timer);
    unsubscribe();
    options.log?.(`background checkpoints stopped (${why}); SQLite checkpoints in-thread again`, error);
    void database.setWalAutocheckpoint(defaultPages).catch(() => undefined);
  };
  worker.on("message", (answer: { ok: boolean; error?: string }) => {
    busy = false;
    if (!answer.ok) options.log?.("a background checkpoint failed", answer.error);
  });
  worker.on("error", (error) => fallBack("worker error", error));
  worker.on("exit", () => fallBack("worker exited"));
  await database.setWalAutocheckpoint(safetyNetPages);
  const timer = setInterval(() => {
    if (!alive || busy || !committed) return;
    committed = false;
    busy = true;
    worker.postMessage("checkpoint");
  }, options.intervalMs ?? 200);
  timer.unref();
  return {
    async stop() {
      if (!alive) return;
      alive = false;
      clearInterval(timer);
      unsubscribe();
      await database.setWalAutocheckpoint(defaultPages).catch(() => undefined);
      const exited = new Promise((done) => worker.once("exit", done));
      worker.postMessage("close");
      await exited;
    },
  };
}

function filePathOf(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const path = url.slice("file:".length).split("?")[0] ?? "";
  return path && path !== ":memory:" ? resolve(path) : null;
}
