import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Limits password guessing. The main limit is per IP address and email, so one noisy office
 * network does not lock out everyone else. A looser limit per email is a backstop against an
 * attacker who rotates IP addresses (X-Forwarded-For is only as honest as the proxy in front).
 */
export function createSignInLimiter(options: { points?: number; perEmailPoints?: number; durationSeconds?: number } = {}) {
  const duration = options.durationSeconds ?? 15 * 60;
  const byAddressAndEmail = new RateLimiterMemory({ keyPrefix: "sign-in", points: options.points ?? 10, duration });
  const byEmail = new RateLimiterMemory({ keyPrefix: "sign-in-email", points: options.perEmailPoints ?? 50, duration });
  const key = (ip: string, email: string) => `${ip}|${email}`;

  return {
    /** Counts an attempt before the password is checked, so parallel guesses are counted too. */
    async attempt(ip: string, email: string): Promise<SignInAttempt> {
      try {
        await byAddressAndEmail.consume(key(ip, email));
        await byEmail.consume(email);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        throw rejection;
      }
    },
    /** Someone who gets the password right starts afresh. */
    async succeeded(ip: string, email: string) {
      await byAddressAndEmail.delete(key(ip, email));
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/** "Try again in 12 minutes": rounded up, so the wait is never shorter than we say. */
export function retryMessage(retryAfterMs: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many sign-in attempts for this email. For your security, please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
