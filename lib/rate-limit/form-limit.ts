import { RateLimiterMemory } from "rate-limiter-flexible";

/** The client's address as the server saw it; set by server.ts, so a client cannot forge it. */
export const clientIpHeader = "x-madein-client-ip";

/**
 * A named limit for a form (join, sign-in…). Memory-backed in one process; a shared store
 * replaces it when several processes run (see README, "Scaling out").
 */
export function formLimit(points: number, seconds: number) {
  const limiter = new RateLimiterMemory({ points, duration: seconds });
  return async (key: string): Promise<boolean> => {
    try {
      await limiter.consume(key);
      return true;
    } catch {
      return false;
    }
  };
}
