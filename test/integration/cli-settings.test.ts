/**
 * The terminal commands an IT team runs (backup, restore, the retention sweep, migrations) with a
 * setting they cannot use: one line naming it, exit code 1, no stack trace to dig through.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");

async function failedRun(script: string, args: string[] = []) {
  try {
    await run(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        NODE_ENV: "production",
        DATABASE_URL: "postgres://db.example/madein",
      },
      timeout: 60_000,
    });
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
  throw new Error(`${script} ran with an unusable DATABASE_URL`);
}

describe("terminal commands with a wrong setting", () => {
  it.each([
    ["db/backup-cli.ts", []],
    ["db/restore-cli.ts", ["backup.db", "--yes"]],
    ["scripts/retention-sweep.ts", ["--dry-run"]],
    ["db/migrate-cli.ts", []],
  ])(
    "%s names the setting and exits 1",
    async (script, args) => {
      const { code, stderr } = await failedRun(script, args);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        "Invalid environment:\n  DATABASE_URL: must start with file:, libsql://, http(s):// or ws(s)://",
      );
    },
    90_000,
  );
});
