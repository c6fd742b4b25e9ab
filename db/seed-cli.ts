import { settingsOrExit } from "@/lib/config/settings-or-exit";
import { migrateDatabase, openDatabase } from "./client";
import { demoLinks, seedDemo } from "./seed";

const env = settingsOrExit();
await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
await seedDemo(db);
for (const line of await demoLinks(db, env.PUBLIC_URL ?? `http://localhost:${env.PORT}`)) console.log(line);
db.close();
