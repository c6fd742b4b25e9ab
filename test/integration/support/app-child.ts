/** One app process for app-process.ts: the real server, configured from the environment. */
import { parseEnv } from "@/lib/config/env";
import { startServer } from "@/lib/server/start-server";

const env = parseEnv({ ...process.env, REDIS_URL: process.env.REDIS_URL || undefined });
const name = process.env.APP_NAME ?? "app";
const server = await startServer({
  env,
  pages: false,
  log: (message, error) => console.error(`[${name}] ${message}`, error ?? ""),
});
console.log(`listening ${server.port}`);
process.on("SIGTERM", () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
