import { describe, expect, it } from "vitest";
import { createSignInLimiter, retryMessage } from "./sign-in-limiter";

describe("sign-in limiter", () => {
  it("allows 10 attempts per address and email in the window, then refuses with a wait", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 10; i++) expect(await limiter.attempt("10.0.0.1", "sam@example.org")).toEqual({ allowed: true });
    const refused = await limiter.attempt("10.0.0.1", "sam@example.org");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(14 * 60_000);
  });

  it("keeps other addresses and other emails apart", async () => {
    const limiter = createSignInLimiter({ points: 2 });
    await limiter.attempt("10.0.0.1", "sam@example.org");
    await limiter.attempt("10.0.0.1", "sam@example.org");
    expect((await limiter.attempt("10.0.0.1", "sam@example.org")).allowed).toBe(false);
    expect((await limiter.attempt("10.0.0.2", "sam@example.org")).allowed).toBe(true);
    expect((await limiter.attempt("10.0.0.1", "ali@example.org")).allowed).toBe(true);
  });

  it("starts afresh after a successful sign-in", async () => {
    const limiter = createSignInLimiter({ points: 2 });
    await limiter.attempt("10.0.0.1", "sam@example.org");
    await limiter.attempt("10.0.0.1", "sam@example.org");
    await limiter.succeeded("10.0.0.1", "sam@example.org");
    expect((await limiter.attempt("10.0.0.1", "sam@example.org")).allowed).toBe(true);
  });

  it("caps attempts on one email from many addresses", async () => {
    const limiter = createSignInLimiter({ points: 10, perEmailPoints: 3 });
    for (let i = 1; i <= 3; i++) expect((await limiter.attempt(`10.0.0.${i}`, "sam@example.org")).allowed).toBe(true);
    expect((await limiter.attempt("10.0.0.99", "sam@example.org")).allowed).toBe(false);
  });

  it("says how long to wait in whole minutes, rounded up", () => {
    expect(retryMessage(30_000)).toMatch(/wait 1 minute and/);
    expect(retryMessage(14 * 60_000 + 1)).toMatch(/wait 15 minutes/);
  });
});
