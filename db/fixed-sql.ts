import type { InValue, Row, Transaction } from "@libsql/client";
import type { Tx } from "./client";

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

/** A JSON column as drizzle's `{ mode: "json" }` stores it. */
export const jsonIn = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
export const jsonOut = <T>(value: unknown): T | null =>
  value === null || value === undefined ? null : JSON.parse(String(value));
