import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { backup } from "./backup";
import { openDatabase } from "./client";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Readable (or writable) by anyone but this user: group or other permission bits set. */
const openToOthers = (path: string) => (statSync(path).mode & 0o077) !== 0;

it("the database, its backup and the backup's uploads are readable by this user only, like .session-secret", async () => {
  const dir = mkdtempSync(join(tmpdir(), "madein-modes-"));
  dirs.push(dir);
  const databaseFile = join(dir, "data", "madein.db");
  const db = await openDatabase(`file:${databaseFile}`);
  await db.transact((tx) => tx.run("CREATE TABLE notes (text TEXT)"));
  db.close();
  const uploadDir = join(dir, "uploads");
  mkdirSync(join(uploadDir, "ab"), { recursive: true });
  writeFileSync(join(uploadDir, "ab", "abcdef"), "a photo", { mode: 0o600 });

  const done = await backup({ databaseUrl: `file:${databaseFile}`, uploadDir, outDir: join(dir, "backups") });

  for (const path of [databaseFile, join(dir, "data"), done.database, join(dir, "backups"), done.uploads ?? ""]) {
    expect({ path, openToOthers: openToOthers(path) }).toEqual({ path, openToOthers: false });
  }
});
