import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { RedisClient } from "@/lib/scale/redis";

export type LimiterOptions = {
  points: number;
  seconds: number;
  keyPrefix: string;
  /** Once the points are spent, refuse the key for this long (not just until the window ends). */
  blockSeconds?: number;
};

/**
 * A limit that holds across every process: counted in Redis when the processes share one,
 * otherwise in this process's memory (one process is the whole app). If Redis stops
 * answering, each process falls back to counting in memory rather than refusing everyone.
 */
export function createLimiter(options: LimiterOptions, redis: RedisClient | undefined): RateLimiterAbstract {
  const memory = new RateLimiterMemory({
    points: options.points,
    duration: options.seconds,
    keyPrefix: options.keyPrefix,
    blockDuration: options.blockSeconds ?? 0,
  });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: true,
    points: options.points,
    duration: options.seconds,
    blockDuration: options.blockSeconds ?? 0,
    keyPrefix: `madein:rl:${options.keyPrefix}`,
    insuranceLimiter: memory,
  });
}

/**
 * Takes `points` of `key`'s allowance at once (atomically, so callers arriving together cannot all
 * take the same last points). Null when they were taken, or when the store did not answer (a slow
 * room is better than one that refuses everyone); otherwise how long until the window turns.
 */
export async function takePoints(limiter: RateLimiterAbstract, key: string, points: number): Promise<number | null> {
  try {
    await limiter.consume(key, points);
    return null;
  } catch (refusal) {
    const ms = (refusal as { msBeforeNext?: unknown }).msBeforeNext;
    return typeof ms === "number" ? Math.max(0, ms) : null;
  }
}
