import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

/**
 * Connects to the Redis that several app processes share (REDIS_URL). Resolves once connected,
 * so a wrong URL stops start-up with a clear error instead of serving a half-working room.
 */
export async function connectRedis(url: string, log: (message: string, error?: unknown) => void): Promise<RedisClient> {
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
  client.on("ready", () => {
    reported = false;
  });
  await client.connect();
  return client;
}
