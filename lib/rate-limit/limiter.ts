import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { RedisClient } from "@/lib/scale/redis";

export type LimiterOptions = { points: number; seconds: number; keyPrefix: string };

/**
 * A limit that holds across every process: counted in Redis when the processes share one,
 * otherwise in this process's memory (one process is the whole app). If Redis stops
 * answering, each process falls back to counting in memory rather than refusing everyone.
 */
export function createLimiter(options: LimiterOptions, redis: RedisClient | undefined): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points: options.points, duration: options.seconds, keyPrefix: options.keyPrefix });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: true,
    points: options.points,
    duration: options.seconds,
    keyPrefix: `madein:rl:${options.keyPrefix}`,
    insuranceLimiter: memory,
  });
}
