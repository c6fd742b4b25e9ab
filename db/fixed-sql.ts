import type { Client, InValue, Row, Transaction } from "@libsql/client";
import type { Db, Tx } from "./client";

/**
 * Fixed SQL text, run on the write transaction's own connection.
 *
 * Drizzle builds a query's SQL text afresh on every execution (walking the query's parts,
 * checking each with `is()`, naming every selected column). In a CPU profile of the vote path
 * that was about a third of the app's CPU, more than SQLite's own work. The few statements every
 * vote runs are therefore written out once as text and only bound per run.
 *
 * They run on the libSQL transaction under `tx`: the group commit's transaction, inside the
 * write's savepoint (db/group-commit.ts). Never on another connection: the outer client would
 * open a different one, outside the savepoint and the commit that acknowledges the write.
 */
export function connectionOf(tx: Tx): Transaction {
  // Drizzle keeps the libSQL transaction on the handle's session (not part of its typed API).
  const inner = (tx as unknown as { session?: { tx?: Transaction } }).session?.tx;
  if (!inner || typeof inner.execute !== "function") {
    throw new Error("No libSQL transaction under this drizzle handle: fixed SQL runs only inside db.transact");
  }
  return inner;
}

/** The rows of a statement (`?1`, `?2`… bind `args` in order). */
export async function rowsOf(tx: Tx, sql: string, args: InValue[]): Promise<Row[]> {
  return (await connectionOf(tx).execute({ sql, args })).rows;
}

/** Runs a statement for its effect; resolves with how many rows it changed. */
export async function runFixed(tx: Tx, sql: string, args: InValue[] = []): Promise<number> {
  return (await connectionOf(tx).execute({ sql, args })).rowsAffected;
}

/**
 * The libSQL client under a drizzle handle that is not a transaction (e.g. `database.read`), for
 * reads run often enough that drizzle's per-run query building shows in a profile: the
 * per-command access check, the sweep over open sockets, the coalesced tally.
 */
export function clientOf(db: Db): Client {
  // Drizzle's libSQL driver keeps the client it was given as `$client`.
  const client = (db as unknown as { $client?: Client }).$client;
  if (!client || typeof client.execute !== "function") {
    throw new Error("No libSQL client under this drizzle handle");
  }
  return client;
}

/** The rows of a read on `db`'s own connections (`?1`, `?2`… bind `args` in order). */
export async function readRows(db: Db, sql: string, args: InValue[]): Promise<Row[]> {
  return (await clientOf(db).execute({ sql, args })).rows;
}

/** A JSON column as drizzle's `{ mode: "json" }` stores it. */
export const jsonIn = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
export const jsonOut = <T>(value: unknown): T | null =>
  value === null || value === undefined ? null : JSON.parse(String(value));
