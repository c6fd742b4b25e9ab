import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedRedis } from "@/lib/scale/shared-redis";
import { createLimiter } from "./limiter";

/**
 * A limit on failures only: each failure costs a point, successes cost nothing, and a key that
 * has used up its points is refused until its window ends. For guessing (join codes), where one
 * venue address may carry hundreds of people typing the right thing and must never be slowed for
 * it. Counted in Redis when REDIS_URL is set, like every form limit; the name keys it there.
 */
export function failureLimit(name: string, points: number, seconds: number) {
  const keyPrefix = `failures:${name}`;
  let limiter: RateLimiterAbstract | null = null;
  const use = () => {
    limiter ??= createLimiter({ points, seconds, keyPrefix }, sharedRedis());
    return limiter;
  };
  return {
    /** Whether this key has failed too often lately; ask before trying. */
    async blocked(key: string): Promise<boolean> {
      const res = await use()
        .get(key)
        .catch(() => null);
      return res !== null && res.consumedPoints >= points;
    },
    /** Counts one failure against the key. */
    async failed(key: string): Promise<void> {
      await use()
        .penalty(key, 1)
        .catch(() => undefined);
    },
  };
}
