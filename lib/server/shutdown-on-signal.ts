import type { Logger } from "@/lib/observability/logger";
import type { RunningServer } from "./start-server";

/**
 * SIGTERM/SIGINT: first /readyz fails while everything still works (for `drainMs`), so a load
 * balancer moves new people elsewhere; then in-flight commands finish, sockets close (phones
 * reconnect to another process) and the process exits 0, or 1 if that takes over 5 s.
 */
export function shutdownOnSignal(server: Pick<RunningServer, "drain" | "close">, logger: Logger, drainMs: number) {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      server.drain();
      logger.info({ signal, drainMs }, "shutting down: readiness now fails");
      if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
      const force = setTimeout(() => process.exit(1), 5000);
      server.close().then(
        () => {
          clearTimeout(force);
          logger.info("stopped");
          logger.flush();
          process.exit(0);
        },
        (error) => {
          logger.error({ err: error }, "shutdown failed");
          logger.flush();
          process.exit(1);
        },
      );
    });
  }
}
