import { ConfigError } from "@/lib/config/env";
import { RedisUnreachable } from "@/lib/scale/redis";

/**
 * What the person starting Made In can do about a failure to start, in a sentence, or null when
 * the failure is a bug whose stack is worth reading. A wrong setting or a port someone else has
 * is theirs to fix; a stack trace would only hide the one line that says how.
 */
export function startUpFailureMessage(error: unknown): string | null {
  if (error instanceof ConfigError || error instanceof RedisUnreachable) return error.message;
  const { code, port, address } = (error ?? {}) as { code?: string; port?: number; address?: string };
  if (code === "EADDRINUSE") {
    return `Port ${port} on ${address} is already in use: stop what is using it, or choose another PORT (or METRICS_PORT).`;
  }
  if (code === "EACCES" && port !== undefined) {
    return `Not allowed to listen on port ${port} of ${address}: ports below 1024 need privileges, so choose a PORT of 1024 or above.`;
  }
  if (code === "EADDRNOTAVAIL") return `This computer has no address ${address}: set HOST to one of its own, or 0.0.0.0.`;
  return null;
}

/**
 * Runs one start-up step (reading the settings, opening the port). A failure the person can fix
 * is said on stderr in one line, anything else with its stack, and the process exits 1 either
 * way, so a supervisor sees a failed start (Next's own handler would otherwise log a failed
 * listen and let the process end with 0).
 */
export async function orExplainAndExit<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const message = startUpFailureMessage(error);
    process.stderr.write(`Made In could not start. ${message ?? (error instanceof Error ? error.stack : String(error))}\n`);
    process.exit(1);
  }
}
