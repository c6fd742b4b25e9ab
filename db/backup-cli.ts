/**
 * `npm run backup [-- --out <folder>]`: a consistent copy of the database (safe while the server
 * runs) and of the upload folder, into data/backups (or BACKUP_DIR, or --out).
 */
import { settingsOrExit } from "@/lib/config/settings-or-exit";
import { backup } from "./backup";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const outDir = (outAt >= 0 ? args[outAt + 1] : undefined) ?? process.env.BACKUP_DIR ?? "./data/backups";
const env = settingsOrExit();
try {
  const done = await backup({ databaseUrl: env.DATABASE_URL, uploadDir: env.UPLOAD_DIR, outDir });
  console.log(`Backed up the database to ${done.database} (integrity ${done.integrity})`);
  console.log(done.uploads ? `Copied uploads to ${done.uploads}` : `No upload folder at ${env.UPLOAD_DIR}: nothing to copy`);
  console.log("Keep the .session-secret beside the database too: without it, participants must rejoin.");
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
