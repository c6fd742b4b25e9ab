/**
 * A real Made In server (no pages) in its own process, so a test can `kill -9` it.
 * `tsx test/reliability/support/child-server.ts` with DATABASE_URL, SESSION_SECRET and PORT
 * (0 for any) in the environment; prints `READY <port>` once listening. On SIGTERM it shuts down
 * as server.ts does: graceful close, forced exit after 5 s.
 */
import { startServer } from "@/lib/server/start-server";

const server = await startServer({
  env: {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    PORT: Number(process.env.PORT ?? 0),
    HOST: "127.0.0.1",
    SESSION_SECRET: process.env.SESSION_SECRET ?? "",
  },
  pages: false,
  rateLimit: { points: Number(process.env.RATE_POINTS ?? 60), seconds: 10 },
  log: (message, error) => console.error(`[child] ${message}`, error ?? ""),
});
process.stdout.write(`READY ${server.port}\n`);

let stopping = false;
process.on("SIGTERM", () => {
  if (stopping) return;
  stopping = true;
  if (process.env.RELIABILITY_DEBUG) console.error(`[child] SIGTERM handled at ${Date.now()}`);
  const force = setTimeout(() => process.exit(1), 5000);
  server.close().then(
    () => {
      if (process.env.RELIABILITY_DEBUG) console.error(`[child] closed at ${Date.now()}`);
      clearTimeout(force);
      // The wall clock at exit, so the test can time the drain without its own event loop's lag.
      process.stdout.write(`EXITING ${Date.now()}\n`);
      process.exit(0);
    },
    () => process.exit(1),
  );
});
