import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

/** Redis did not answer at start: a setting or a service for the operator to fix (lib/server/start-up-failure.ts). */
export class RedisUnreachable extends Error {}

/** Where the URL points, for a message: never its password. */
function whereIs(url: string) {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "REDIS_URL";
  }
}

/**
 * Connects to the Redis that several app processes share (REDIS_URL). Resolves once connected,
 * so a wrong URL stops start-up with a clear error instead of serving a half-working room. The
 * client would retry a wrong address or password for ever (and the service look up while it
 * never listens), so the first connection has `timeoutMs`.
 */
export async function connectRedis(
  url: string,
  log: (message: string, error?: unknown) => void,
  timeoutMs = 15_000,
): Promise<RedisClient> {
  const client = createClient({
    url,
    // Keep retrying while Redis restarts; socket.io's streams adapter resumes where it left off.
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  });
  let reported = false;
  client.on("error", (error) => {
    // node-redis emits an error per failed reconnect attempt; one line per outage is enough.
    if (!reported) log("redis connection error", error);
    reported = true;
  });
  let lastError: unknown = null;
  client.on("ready", () => {
    reported = false;
  });
  client.on("error", (error) => {
    lastError = error;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      client.destroy();
      const why = lastError instanceof Error ? ` (${lastError.message.split("\n")[0]})` : "";
      reject(
        new RedisUnreachable(
          `Redis at ${whereIs(url)} did not answer within ${Math.round(timeoutMs / 1000)} s${why}: check REDIS_URL (its address and password) and that Redis is running.`,
        ),
      );
    }, timeoutMs);
  });
  try {
    await Promise.race([client.connect(), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
  return client;
}
