import type { RedisClient } from "./redis";

const key = Symbol.for("madein.redis");
type WithRedis = typeof globalThis & { [key]?: RedisClient };

/**
 * The Redis of this process, if REDIS_URL is set. Kept apart from ./redis so that Next's
 * bundles reach it without bundling the Redis client. Shared through globalThis because server.ts
 * and the code Next bundles (server actions with rate limits) are two module graphs.
 */
export function sharedRedis(): RedisClient | undefined {
  return (globalThis as WithRedis)[key];
}

export function setSharedRedis(client: RedisClient | undefined) {
  (globalThis as WithRedis)[key] = client;
}
