import { parseEnv } from "@/lib/config/env";
import { migrateDatabase } from "./client";

const env = parseEnv();
await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
console.log(`Migrated ${env.DATABASE_URL}`);
