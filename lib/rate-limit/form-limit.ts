import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedRedis } from "@/lib/scale/shared-redis";
import { createLimiter } from "./limiter";

/** The client's address as the server saw it; set by server.ts, so a client cannot forge it. */
export const clientIpHeader = "x-madein-client-ip";

/**
 * A named limit for a form (join, sign-in…): the name keys it in Redis, so it must be the same
 * in every process and differ between forms. Counted in Redis when REDIS_URL is set so that
 * several processes share it. Built on first use: module load can come before server.ts has
 * connected to Redis.
 */
export function formLimit(name: string, points: number, seconds: number) {
  const keyPrefix = `form:${name}`;
  let limiter: RateLimiterAbstract | null = null;
  return async (key: string): Promise<boolean> => {
    limiter ??= createLimiter({ points, seconds, keyPrefix }, sharedRedis());
    try {
      await limiter.consume(key);
      return true;
    } catch {
      return false;
    }
  };
}
