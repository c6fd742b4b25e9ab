import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { createLimiter } from "@/lib/rate-limit/limiter";
import type { RedisClient } from "@/lib/scale/redis";

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Limits password guessing without letting anyone lock the owner out: the login pattern
 * rate-limiter-flexible documents. Two counts, of failures only:
 * - per (email, address): 10 wrong passwords, then that address waits 15 minutes for that email;
 * - per address: 100 wrong passwords a day whatever the email, then that address waits a day.
 * There is deliberately no count per email alone: guesses from six (or sixty) addresses would
 * then lock the real owner out, wherever they sign in from. The owner on a new address starts
 * with nothing counted. An attempt is counted before the password is checked (so parallel
 * guesses count) and handed back if it succeeds, so successes never count.
 */
export function createSignInLimiter(
  options: { points?: number; perAddressPoints?: number; blockSeconds?: number; redis?: RedisClient } = {},
) {
  const points = options.points ?? 10;
  const perAddress = options.perAddressPoints ?? 100;
  const byAccountAndAddress: RateLimiterAbstract = createLimiter(
    { keyPrefix: "sign-in", points, seconds: 60 * 60, blockSeconds: options.blockSeconds ?? 15 * 60 },
    options.redis,
  );
  const byAddress: RateLimiterAbstract = createLimiter(
    { keyPrefix: "sign-in-address", points: perAddress, seconds: 24 * 3600, blockSeconds: 24 * 3600 },
    options.redis,
  );
  const key = (ip: string, email: string) => `${ip}|${email.toLowerCase()}`;

  return {
    /** Before the password is checked. Refused: say how long to wait, and check nothing. */
    async attempt(ip: string, email: string): Promise<SignInAttempt> {
      try {
        await byAddress.consume(ip);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        throw rejection;
      }
      try {
        await byAccountAndAddress.consume(key(ip, email));
        return { allowed: true };
      } catch (rejection) {
        // Not this address's fault as a whole: give back its point.
        await byAddress.reward(ip, 1).catch(() => undefined);
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        throw rejection;
      }
    },
    /** The right password: this attempt never counted, and this address starts afresh for this email. */
    async succeeded(ip: string, email: string) {
      await byAccountAndAddress.delete(key(ip, email));
      await byAddress.reward(ip, 1);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/** The wait in whole minutes, at least one: rounded up, so the wait is never shorter than we say. */
export const retryMinutes = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 60_000));

/** "Try again in 12 minutes". */
export function retryMessage(retryAfterMs: number) {
  const minutes = retryMinutes(retryAfterMs);
  return `Too many sign-in attempts for this email from here. For your security, please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
