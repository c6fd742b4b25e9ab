/**
 * Backups of the embedded database and the upload folder, and putting one back.
 *
 * A backup is `VACUUM INTO`: SQLite writes a compact copy from one read transaction, so it is
 * consistent while the server keeps writing (WAL readers never block writers). Uploaded files
 * are written once under random names and never changed, so copying the folder after the
 * database gives every file the copy points at.
 */
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, openSync, renameSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createClient } from "@libsql/client";

export const filePathOf = (databaseUrl: string) => {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error("Backups here are for the embedded file database. A libSQL server has its own backups.");
  }
  return resolve(databaseUrl.slice("file:".length).split("?")[0] ?? "");
};

/** 2026-11-21T23-04-05-123Z: sorts by time and is a valid file name everywhere. */
const stamp = (date = new Date()) => date.toISOString().replace(/[:.]/g, "-");

async function integrityCheck(path: string): Promise<string> {
  const client = createClient({ url: `file:${path}` });
  try {
    const rows = (await client.execute("PRAGMA integrity_check")).rows;
    return rows.map((r) => String(r[0])).join("; ");
  } finally {
    client.close();
  }
}

export type BackupResult = { database: string; uploads: string | null; integrity: string };

export async function backup(options: {
  databaseUrl: string;
  uploadDir: string;
  outDir: string;
  now?: Date;
}): Promise<BackupResult> {
  const source = filePathOf(options.databaseUrl);
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  // A backup holds the same personal data as the database: readable by this user only.
  mkdirSync(options.outDir, { recursive: true, mode: 0o700 });
  const name = `madein-${stamp(options.now)}`;
  const target = resolve(options.outDir, `${name}.db`);
  // VACUUM INTO fills an empty file and keeps its mode; made first, the copy is never readable by others.
  closeSync(openSync(target, "wx", 0o600));
  const client = createClient({ url: `file:${source}` });
  try {
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute({ sql: "VACUUM INTO ?", args: [target] });
  } finally {
    client.close();
  }
  const integrity = await integrityCheck(target);
  if (integrity !== "ok") throw new Error(`The copy at ${target} failed its integrity check: ${integrity}`);
  let uploads: string | null = null;
  if (existsSync(options.uploadDir) && statSync(options.uploadDir).isDirectory()) {
    uploads = resolve(options.outDir, `${name}-uploads`);
    cpSync(options.uploadDir, uploads, { recursive: true });
    // The photos inside are 0600 already (lib/files/storage.ts); the folder keeps others from listing them.
    chmodSync(uploads, 0o700);
  }
  return { database: target, uploads, integrity };
}

/**
 * True if another process has the database open (the server, a migration, a studio): SQLite
 * then holds a shared lock that an exclusive-locking connection cannot get past.
 */
async function databaseInUse(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const client = createClient({ url: `file:${path}` });
  try {
    await client.executeMultiple("PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;");
    return false;
  } catch (error) {
    if (/SQLITE_BUSY|locked/i.test(String(error))) return true;
    throw error;
  } finally {
    client.close();
  }
}

export type RestoreResult = { database: string; previous: string | null; uploads: string | null; previousUploads: string | null };

/**
 * Puts a backup back as the database (and its uploads folder, if it has one). Refuses while
 * anything has the database open, and when the backup fails its integrity check. What was there
 * before is kept beside it (`<name>.before-restore-<time>`), never deleted.
 */
export async function restore(options: {
  backupFile: string;
  databaseUrl: string;
  uploadDir: string;
  now?: Date;
}): Promise<RestoreResult> {
  const from = resolve(options.backupFile);
  if (!existsSync(from)) throw new Error(`There is no backup at ${from}.`);
  const integrity = await integrityCheck(from);
  if (integrity !== "ok") throw new Error(`The backup failed its integrity check, nothing was changed: ${integrity}`);
  const target = filePathOf(options.databaseUrl);
  if (await databaseInUse(target)) {
    throw new Error("The database is in use. Stop the server (and anything else using it) before restoring.");
  }
  const aside = `.before-restore-${stamp(options.now)}`;
  mkdirSync(dirname(target), { recursive: true });
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}${aside}`;
    renameSync(target, previous);
    // The WAL belongs to the old file: it goes aside with it, or SQLite would replay it onto the backup.
    for (const suffix of ["-wal", "-shm"]) {
      if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${previous}${suffix}`);
    }
  }
  cpSync(from, target);
  const after = await integrityCheck(target);
  if (after !== "ok") throw new Error(`The restored database failed its integrity check: ${after}`);

  const backupUploads = join(dirname(from), `${basename(from, ".db")}-uploads`);
  let uploads: string | null = null;
  let previousUploads: string | null = null;
  if (existsSync(backupUploads)) {
    const dir = resolve(options.uploadDir);
    if (existsSync(dir)) {
      previousUploads = `${dir}${aside}`;
      renameSync(dir, previousUploads);
    }
    cpSync(backupUploads, dir, { recursive: true });
    uploads = dir;
  }
  return { database: target, previous, uploads, previousUploads };
}
