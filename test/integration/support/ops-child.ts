/**
 * The app as server.ts runs it (env files, JSON logs, signal handling), pages off, for tests of
 * readiness and shutdown from outside the process. Prints a "listening" log line with its port.
 */
import { parseEnv } from "@/lib/config/env";
import { loadEnvFiles } from "@/lib/config/env-files";
import { configSummary } from "@/lib/config/summary";
import { createLogger } from "@/lib/observability/logger";
import { shutdownOnSignal } from "@/lib/server/shutdown-on-signal";
import { startServer } from "@/lib/server/start-server";

const sources = loadEnvFiles();
const env = parseEnv();
const logger = createLogger({ nodeEnv: env.NODE_ENV, level: env.LOG_LEVEL, format: "json" });
logger.info({ config: configSummary(env, sources) }, "configuration");
const server = await startServer({ env, pages: false, logger });
logger.info({ port: server.port }, "listening");
shutdownOnSignal(server, logger, (env.DRAIN_SECONDS ?? 0) * 1000);
