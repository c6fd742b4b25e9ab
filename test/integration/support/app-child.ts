/** One app process for app-process.ts: the real server, configured from the environment. */
import { parseEnv } from "@/lib/config/env";
import { startServer } from "@/lib/server/start-server";
import { bulkRoomWrites } from "./server";

const env = parseEnv();
const name = process.env.APP_NAME ?? "app";
const [points, seconds] = (process.env.APP_RATE_LIMIT ?? "").split("/").map(Number);
const server = await startServer({
  env,
  pages: false,
  rateLimit: points && seconds ? { points, seconds } : undefined,
  // A raised command limit means sending in bulk (the benchmark): the room's budgets follow it.
  roomWrites: points && seconds ? bulkRoomWrites : undefined,
  emailSweepMs: Number(process.env.APP_EMAIL_SWEEP_MS) || undefined,
  // JSON: a smaller body budget or a quicker pace (test/reliability/held-bodies.test.ts).
  bodyLimits: process.env.APP_BODY_LIMITS ? JSON.parse(process.env.APP_BODY_LIMITS) : undefined,
  bodyPace: process.env.APP_BODY_PACE ? JSON.parse(process.env.APP_BODY_PACE) : undefined,
  log: (message, error) => console.error(`[${name}] ${message}`, error ?? ""),
});
console.log(`listening ${server.port}`);
process.on("SIGTERM", () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
