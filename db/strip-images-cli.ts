/**
 * Strips the images stored before every upload was stripped of its metadata (GPS included):
 *   npm run images:strip
 * Safe while the server runs, and to run again (clean images are left alone).
 */
import { settingsOrExit } from "@/lib/config/settings-or-exit";
import { fileStorage } from "@/lib/files/storage";
import { stripStoredImages } from "@/lib/files/strip-stored-images";
import { migrateDatabase, openDatabase } from "./client";

const env = settingsOrExit();
await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
try {
  const tally = await stripStoredImages(db, fileStorage());
  console.log(
    `Checked ${tally.checked} stored images: stripped ${tally.stripped}, ` +
      `${tally.unreadable} could not be read (left as they are), ${tally.missing} missing from the upload folder.`,
  );
} finally {
  db.close();
}
