import { createRequire } from "node:module";

/**
 * Reuses prepared statements per connection.
 *
 * `@libsql/client` prepares every statement afresh (`db.prepare(sql)` on each execute) and never
 * reuses it. Drizzle emits the same SQL text for the same query shape, so the hot commands
 * (a vote is ~9 statements) recompile identical SQL thousands of times a second: in a CPU
 * profile of the vote path, `prepare` was the largest single cost. SQLite statements are
 * reusable once run to completion, which is all the client does (`all()` / `run()`, both
 * synchronous), and SQLite re-prepares a cached statement by itself after a schema change.
 *
 * The cache is an LRU per connection, so queries with variable-length `IN (…)` lists cannot
 * grow it without bound. The client also asks every statement for its columns twice and probes
 * `raw()` (which throws for statements without results) on every execution; both answers are
 * fixed for a prepared statement, so they are remembered with it.
 */
const maxStatementsPerConnection = 256;

type Statement = { columns(): unknown; raw(toggle?: boolean): Statement };
type Connection = { prepare(sql: string): Statement };

let installed = false;

export function installStatementCache() {
  if (installed) return;
  installed = true;
  // The same module instance the client's embedded driver uses (one copy in node_modules).
  const require = createRequire(import.meta.url);
  const Database = require("libsql") as { prototype: Connection };
  const prepareAfresh = Database.prototype.prepare;
  const caches = new WeakMap<Connection, Map<string, Statement>>();

  Database.prototype.prepare = function prepare(this: Connection, sql: string) {
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    const cached = cache.get(sql);
    if (cached !== undefined) {
      // Re-insert so the Map's order is least recently used first.
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = remembered(prepareAfresh.call(this, sql) as Statement);
    cache.set(sql, statement);
    if (cache.size > maxStatementsPerConnection) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return statement;
  };
}

function remembered(statement: Statement): Statement {
  const columnsOnce = statement.columns.bind(statement);
  const rawNative = statement.raw.bind(statement);
  let columns: unknown;
  let notReader: unknown;
  statement.columns = () => {
    if (columns === undefined) columns = columnsOnce();
    return columns;
  };
  statement.raw = (toggle?: boolean) => {
    if (notReader !== undefined) throw notReader;
    try {
      rawNative(toggle);
    } catch (error) {
      notReader = error;
      throw error;
    }
    return statement;
  };
  return statement;
}
