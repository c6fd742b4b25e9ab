import { settingsOrExit } from "@/lib/config/settings-or-exit";
import { migrateDatabase } from "./client";

const env = settingsOrExit();
await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
console.log(`Migrated ${env.DATABASE_URL}`);
