import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type Client, createClient } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { emailsToNormalise } from "@/lib/accounts/stored-emails";
import { type CommitListener, groupCommitQueue } from "./group-commit";
import { withMigrationLock } from "./migration-lock";
import * as schema from "./schema";
import { installStatementCache } from "./statement-cache";

export type Db = LibSQLDatabase<typeof schema>;
/** What a write runs against: the transaction handle drizzle gives us. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  url: string;
  /** Reads from a pool of connections; never blocked by a write in WAL mode. */
  read: Db;
  /**
   * Runs `fn` atomically and resolves once it is committed. Writes are queued in this process
   * so that a command never waits on SQLite's busy lock behind another command of ours; writes
   * that queue up while one commits share the next commit (see group-commit.ts).
   */
  transact<T>(fn: (tx: Tx) => Promise<T>, options?: { fairnessKey?: string }): Promise<T>;
  /** The PRAGMAs as seen on the write connection right now (for start-up checks and tests). */
  writePragmas(): Promise<{ foreignKeys: number; journalMode: string; busyTimeout: number }>;
  /** The write queue, for metrics: how many writes wait, and each commit's duration. */
  writeQueue: { depth(): number; onCommit(listener: CommitListener): () => void };
  close(): void;
}

const isFile = (url: string) => url.startsWith("file:");

/**
 * The database holds personal data: a new file (and its folder) is made readable by this user
 * only, as .session-secret is, rather than as the umask allows (0644). SQLite gives its WAL and
 * shared-memory files the database file's mode, so they follow.
 */
function ensurePrivateFileFor(url: string) {
  if (!isFile(url)) return;
  const path = url.slice("file:".length).split("?")[0] ?? "";
  if (!path || path === ":memory:") return;
  mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 });
  // An empty file is a new database to SQLite. An existing one is never opened here: closing any
  // descriptor of a file drops every POSIX lock this process holds on it, SQLite's included, and
  // a second openDatabase in a running server would let `npm run restore` replace the live file.
  try {
    closeSync(openSync(resolve(path), "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/**
 * Switching a fresh file to WAL needs it alone for a moment. When several processes start
 * together, SQLite can answer SQLITE_BUSY at once instead of calling the busy handler (to avoid a
 * deadlock between two connections both upgrading), so the switch is retried for a while.
 */
async function switchToWal(client: Client) {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.execute("PRAGMA journal_mode = WAL");
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (!code.startsWith("SQLITE_BUSY") || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}

async function applyPragmas(client: Client) {
  // journal_mode is stored in the file; foreign_keys and busy_timeout belong to the connection.
  // busy_timeout first: several processes may open a fresh file at once, and switching it to WAL
  // needs a moment alone with it.
  await client.execute("PRAGMA busy_timeout = 5000");
  await switchToWal(client);
  await client.execute("PRAGMA synchronous = NORMAL"); // in WAL, a commit survives a process crash
  await client.execute("PRAGMA foreign_keys = ON");
}

async function readPragmas(client: Client) {
  const one = async (name: string) => (await client.execute(`PRAGMA ${name}`)).rows[0]?.[0];
  return {
    foreignKeys: Number(await one("foreign_keys")),
    journalMode: String(await one("journal_mode")),
    busyTimeout: Number(await one("busy_timeout")),
  };
}

export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  ensurePrivateFileFor(url);
  installStatementCache();
  // The write client has exactly one connection. libSQL's `transaction()` borrows a
  // connection from a pool and opens fresh ones on demand; fresh connections would not
  // carry our PRAGMAs. With one connection, every write runs where the PRAGMAs were set.
  const writeClient = createClient({ url, authToken, concurrency: 1 });
  const readClient = createClient({ url, authToken });
  if (isFile(url)) await applyPragmas(writeClient);

  const write = drizzle(writeClient, { schema });
  const read = drizzle(readClient, { schema });

  const transact = groupCommitQueue(write);

  const database: Database = {
    url,
    read,
    transact,
    writeQueue: { depth: transact.depth, onCommit: transact.onCommit },
    writePragmas: () => readPragmas(writeClient),
    close() {
      writeClient.close();
      readClient.close();
    },
  };
  if (isFile(url)) {
    const pragmas = await database.writePragmas();
    if (pragmas.foreignKeys !== 1 || pragmas.journalMode.toLowerCase() !== "wal") {
      throw new Error(`Database PRAGMAs did not hold on the write connection: ${JSON.stringify(pragmas)}`);
    }
  }
  return database;
}

export const migrationsFolder = resolve(process.cwd(), "db/migrations");

/**
 * Applies pending migrations, under a lock shared with every other process starting on the
 * same database (db/migration-lock.ts). drizzle's libSQL migrator runs them in one batch, where a
 * `PRAGMA foreign_keys=OFF` inside a migration is a no-op; so foreign keys are switched off on
 * the connection around the migration (for table rebuilds) and checked afterwards.
 */
export async function migrateDatabase(url: string, authToken?: string) {
  ensurePrivateFileFor(url);
  const client = createClient({ url, authToken, concurrency: 1 });
  try {
    if (isFile(url)) {
      await client.execute("PRAGMA busy_timeout = 5000");
      await switchToWal(client);
      await client.execute("PRAGMA foreign_keys = OFF");
    }
    // One process migrates; the others wait, then find nothing left to do.
    await withMigrationLock(client, async () => {
      await migrate(drizzle(client), { migrationsFolder });
      await normaliseStoredEmails(client);
      if (isFile(url)) {
        const broken = await client.execute("PRAGMA foreign_key_check");
        if (broken.rows.length > 0) throw new Error(`Migration left ${broken.rows.length} broken foreign keys`);
      }
    });
  } finally {
    client.close();
  }
}

/**
 * Accounts stored before every address was written in one spelling get it now (idempotent: once
 * done, it reads the accounts and writes nothing). SQLite can't normalise Unicode, so not in SQL.
 */
async function normaliseStoredEmails(client: Client) {
  const { rows } = await client.execute("SELECT id, email FROM accounts");
  const rewrites = emailsToNormalise(rows.map((r) => ({ id: String(r.id), email: String(r.email) })));
  if (rewrites.length === 0) return;
  await client.batch(
    rewrites.map((r) => ({ sql: "UPDATE accounts SET email = ? WHERE id = ?", args: [r.email, r.id] })),
    "write",
  );
}
