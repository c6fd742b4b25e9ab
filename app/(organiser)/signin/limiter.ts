import "server-only";
import { createSignInLimiter, type SignInLimiter } from "@/lib/accounts/sign-in-limiter";

const key = Symbol.for("madein.signInLimiter");
type WithLimiter = typeof globalThis & { [key]?: SignInLimiter };

/** One limiter per process, however many times Next bundles this module. */
export function signInLimiter(): SignInLimiter {
  const g = globalThis as WithLimiter;
  g[key] ??= createSignInLimiter();
  return g[key];
}
