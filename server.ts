import { isSetUp } from "@/lib/accounts/first-organiser";
import { parseEnv } from "@/lib/config/env";
import { loadEnvFiles } from "@/lib/config/env-files";
import { configSummary } from "@/lib/config/summary";
import { createLogger, routeConsoleToLogger } from "@/lib/observability/logger";
import { setupNotice } from "@/lib/server/setup-notice";
import { shutdownOnSignal } from "@/lib/server/shutdown-on-signal";
import { startServer } from "@/lib/server/start-server";
import { orExplainAndExit } from "@/lib/server/start-up-failure";

const dev = process.argv.includes("--dev");
const demo = process.argv.includes("--demo");
// `npm start -- --check-config`: read .env files and the environment, print what would be used, exit.
const checkOnly = process.argv.includes("--check-config");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const sources = loadEnvFiles();
const env = await orExplainAndExit(() => parseEnv());
const logger = createLogger({ nodeEnv: env.NODE_ENV, level: env.LOG_LEVEL, format: env.LOG_FORMAT });
// Next's own error lines, scrubbed and as JSON (in development its overlay wants the console).
if (env.NODE_ENV === "production") routeConsoleToLogger(logger);
logger.info({ config: configSummary(env, sources) }, "configuration");
if (checkOnly) {
  logger.flush();
  process.exit(0);
}

const server = await orExplainAndExit(() => startServer({ env, pages: { dev }, logger }));
const base = env.PUBLIC_URL ?? `http://localhost:${server.port}`;
logger.info(
  { url: base, port: server.port, metricsPort: server.metricsPort, mode: dev ? "development" : "production" },
  `Made In is running at ${base}`,
);

if (demo) {
  const { seedDemo, demoLinks } = await import("@/db/seed");
  await seedDemo(server.db);
  // Links for the person who ran `npm run demo`, on the terminal rather than in the log.
  // Phones cannot open localhost: print this computer's network address for them too.
  const { lanIPv4 } = await import("@/lib/network/reachable-address");
  const { networkInterfaces } = await import("node:os");
  const lan = env.PUBLIC_URL ? null : lanIPv4(networkInterfaces());
  const phoneBase = lan ? `http://${lan}:${server.port}` : null;
  for (const line of await demoLinks(server.db, base, phoneBase)) console.log(line);
}

// A fresh install: the one page that lets anybody in is /setup, and only the home page links to it.
const notice = setupNotice(base, await isSetUp(server.db.read));
if (notice) logger.info({ url: `${base}/setup` }, notice);

process.on("uncaughtException", (error) => {
  logger.fatal({ err: error }, "uncaught exception");
  logger.flush();
  process.exit(1);
});
process.on("unhandledRejection", (error) => {
  logger.error({ err: error }, "unhandled rejection");
});

shutdownOnSignal(server, logger, (env.DRAIN_SECONDS ?? 0) * 1000);
