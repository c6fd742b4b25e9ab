/**
 * Imports an event export (JSON) as a new draft event run by an existing account:
 *   npm run db:import -- path/to/event.made-in.json organiser@example.org
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { settingsOrExit } from "@/lib/config/settings-or-exit";
import { parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { migrateDatabase, openDatabase } from "./client";
import { accounts } from "./schema";

const [file, email] = process.argv.slice(2);
if (!file || !email) {
  console.error("Usage: npm run db:import -- <export.json> <organiser email>");
  process.exit(2);
}
const parsed = parseEventExport(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const env = settingsOrExit();
await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
try {
  const [account] = await db.read.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email.toLowerCase()));
  if (!account) {
    console.error(`No account with the email ${email}. Create it first (sign in once), then import.`);
    process.exitCode = 1;
  } else {
    const { slug } = await importEvent(db, parsed.data, account.id);
    console.log(`Imported "${parsed.data.event.name}" as a draft: /o/${slug}`);
  }
} finally {
  db.close();
}
