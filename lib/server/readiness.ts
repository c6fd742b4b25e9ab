import { accessSync, constants, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { type Database, migrationsFolder } from "@/db/client";
import type { RedisClient } from "@/lib/scale/redis";

export type Readiness = { ok: true } | { ok: false; reason: string };

const checkTimeoutMs = 2000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${checkTimeoutMs} ms`)), checkTimeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The newest migration this build ships with (its `when`, which drizzle records as created_at). */
function newestShippedMigration(folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, "meta/_journal.json"), "utf8")) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

/**
 * What /readyz asks: can this process do its job right now? The database answers a query, the
 * migrations this build needs are applied, the database file is still readable and writable
 * (an open connection would hide a changed permission until the next reopen), and Redis, when
 * configured, is connected and answers. The first failure is the reason.
 */
export function createReadinessCheck(deps: { db: Database; databaseUrl: string; redis?: RedisClient }) {
  const filePath = deps.databaseUrl.startsWith("file:")
    ? resolve(deps.databaseUrl.slice("file:".length).split("?")[0] ?? "")
    : null;
  const newest = newestShippedMigration(migrationsFolder);

  return async function check(): Promise<Readiness> {
    if (filePath) {
      try {
        accessSync(filePath, constants.R_OK | constants.W_OK);
      } catch {
        return { ok: false, reason: "database file is not readable and writable" };
      }
    }
    try {
      const rows = await within(
        deps.db.read.all<{ newest: number | null }>(sql`select max(created_at) as newest from __drizzle_migrations`),
        "database",
      );
      if (Number(rows[0]?.newest ?? 0) < newest) return { ok: false, reason: "database migrations are not applied" };
    } catch {
      return { ok: false, reason: "database does not answer" };
    }
    if (deps.redis) {
      if (!deps.redis.isReady) return { ok: false, reason: "redis is not connected" };
      try {
        await within(deps.redis.ping(), "redis");
      } catch {
        return { ok: false, reason: "redis does not answer" };
      }
    }
    return { ok: true };
  };
}
