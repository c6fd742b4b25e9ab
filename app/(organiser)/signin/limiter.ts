import "server-only";
import { createSignInLimiter, type SignInLimiter } from "@/lib/accounts/sign-in-limiter";
import { sharedRedis } from "@/lib/scale/shared-redis";

const key = Symbol.for("madein.signInLimiter");
type WithLimiter = typeof globalThis & { [key]?: SignInLimiter };

/** One limiter per process, however many times Next bundles this module; counted in Redis when shared. */
export function signInLimiter(): SignInLimiter {
  const g = globalThis as WithLimiter;
  g[key] ??= createSignInLimiter({ redis: sharedRedis() });
  return g[key];
}
