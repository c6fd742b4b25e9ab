/**
 * Several processes starting at once on one fresh database: each runs the real migration
 * command, and the lock lets exactly one migrate while the others wait and find nothing to do.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { migrationLockTable } from "@/db/migration-lock";
import { tempDatabaseUrl } from "./support/fixtures";
import { testSecret } from "./support/server";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function migrateInProcess(url: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/migrate-cli.ts"], {
      env: { ...process.env, DATABASE_URL: url, SESSION_SECRET: testSecret },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("migrations when several processes start together", () => {
  it("four processes on one fresh file all succeed and every migration is applied once", { timeout: 120_000 }, async () => {
    const temp = tempDatabaseUrl("madein-lock-it-");
    cleanups.push(temp.remove);
    const runs = await Promise.all([1, 2, 3, 4].map(() => migrateInProcess(temp.url)));
    for (const run of runs) expect(run, run.output).toMatchObject({ code: 0 });

    const client = createClient({ url: temp.url });
    cleanups.unshift(() => client.close());
    const applied = await client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
    const files = readdirSync("db/migrations").filter((f) => f.endsWith(".sql"));
    expect(Number(applied.rows[0]?.n)).toBe(files.length);
    const lock = await client.execute(`SELECT count(*) AS n FROM ${migrationLockTable}`);
    expect(Number(lock.rows[0]?.n)).toBe(0); // released
  });
});
