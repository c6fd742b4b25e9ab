import { describe, expect, it } from "vitest";
import { createSignInLimiter, retryMessage } from "./sign-in-limiter";

const owner = "owner@example.org";

/** A guess as the sign-in action makes it: counted first, then the password is wrong. */
const guess = (limiter: ReturnType<typeof createSignInLimiter>, ip: string, email = owner) => limiter.attempt(ip, email);

describe("sign-in limiter", () => {
  it("allows 10 wrong passwords per address and email, then refuses for about 15 minutes", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < 10; i++) expect(await guess(limiter, "10.0.0.1")).toEqual({ allowed: true });
    const refused = await guess(limiter, "10.0.0.1");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(14 * 60_000);
  });

  it("six addresses guessing can't lock the owner out of a seventh (no limit per email alone)", async () => {
    const limiter = createSignInLimiter();
    for (let a = 1; a <= 6; a++) {
      for (let i = 0; i < 15; i++) await guess(limiter, `203.0.113.${a}`);
      expect((await guess(limiter, `203.0.113.${a}`)).allowed).toBe(false);
    }
    expect(await limiter.attempt("198.51.100.7", owner)).toEqual({ allowed: true });
  });

  it("never counts a success: the owner signing in again and again is never refused", async () => {
    const limiter = createSignInLimiter({ points: 3, perAddressPoints: 3 });
    for (let i = 0; i < 20; i++) {
      expect(await limiter.attempt("10.0.0.1", owner)).toEqual({ allowed: true });
      await limiter.succeeded("10.0.0.1", owner);
    }
  });

  it("starts afresh for that email and address after a success", async () => {
    const limiter = createSignInLimiter({ points: 2 });
    await guess(limiter, "10.0.0.1");
    await guess(limiter, "10.0.0.1");
    await limiter.succeeded("10.0.0.1", owner);
    expect((await guess(limiter, "10.0.0.1")).allowed).toBe(true);
  });

  it("caps one address guessing across many emails", async () => {
    const limiter = createSignInLimiter({ points: 10, perAddressPoints: 5 });
    for (let i = 0; i < 5; i++) expect((await guess(limiter, "10.0.0.1", `u${i}@example.org`)).allowed).toBe(true);
    expect((await guess(limiter, "10.0.0.1", "another@example.org")).allowed).toBe(false);
    expect((await guess(limiter, "10.0.0.2", "another@example.org")).allowed).toBe(true);
  });

  it("says how long to wait in whole minutes, rounded up", () => {
    expect(retryMessage(30_000)).toMatch(/wait 1 minute and/);
    expect(retryMessage(14 * 60_000 + 1)).toMatch(/wait 15 minutes/);
  });
});
