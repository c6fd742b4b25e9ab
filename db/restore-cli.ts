/**
 * `npm run restore -- <backup.db> --yes`: puts a backup back, with its uploads folder if it has
 * one. The server must be stopped; what was there before is kept aside, never deleted.
 */
import { settingsOrExit } from "@/lib/config/settings-or-exit";
import { filePathOf, restore } from "./backup";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const env = settingsOrExit();
if (!file) {
  console.error("Usage: npm run restore -- <backup.db> --yes");
  process.exit(2);
}
if (!args.includes("--yes")) {
  console.error(`This replaces ${filePathOf(env.DATABASE_URL)} (and ${env.UPLOAD_DIR}) with ${file}.`);
  console.error("The current ones are kept aside. Stop the server, then run again with --yes to go ahead.");
  process.exit(2);
}
try {
  const done = await restore({ backupFile: file, databaseUrl: env.DATABASE_URL, uploadDir: env.UPLOAD_DIR });
  console.log(`Restored ${file} to ${done.database} (integrity ok)`);
  if (done.previous) console.log(`The previous database is kept at ${done.previous}`);
  if (done.uploads) console.log(`Restored uploads to ${done.uploads}`);
  if (done.previousUploads) console.log(`The previous uploads are kept at ${done.previousUploads}`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
