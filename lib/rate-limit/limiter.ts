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
