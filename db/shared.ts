import type { Database } from "./client";

const globalKey = Symbol.for("madein.database");
type WithDb = typeof globalThis & { [globalKey]?: Database };

/**
 * The one database of this process, opened by server.ts. `server.ts` (run by tsx) and the
 * code Next bundles are two module graphs, so the instance is shared through globalThis; this
 * module only reads it, which keeps libSQL and the filesystem out of Next's bundles.
 */
export async function sharedDatabase(): Promise<Database> {
  const db = (globalThis as WithDb)[globalKey];
  if (!db) throw new Error("The database is not open: start Made In with server.ts (npm start / npm run dev)");
  return db;
}

export function setSharedDatabase(db: Database) {
  (globalThis as WithDb)[globalKey] = db;
}
