import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// scrypt at OWASP's cost takes most of a second of CPU per call, on purpose: hash once, and
// give the tests room on a busy machine.
const slow = { timeout: 30_000 };
const password = "correct horse battery staple";
let first: string;
let second: string;

beforeAll(async () => {
  [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
}, 30_000);

describe("hashPassword / verifyPassword", () => {
  it("verifies the right password and refuses a wrong one", slow, async () => {
    expect(await Promise.all([verifyPassword(password, first), verifyPassword("Correct horse battery staple", first)])).toEqual([
      true,
      false,
    ]);
  });

  it("salts every hash and carries its parameters, never the password", () => {
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toContain(password);
  });

  it("refuses a stored value it does not understand rather than matching it", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "plain-text-password")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$10$8$1$salt$key")).toBe(false);
    expect(await verifyPassword("x", "scrypt$131072$8$1$salt")).toBe(false);
    expect(await verifyPassword("x", "scrypt$131072$8$1$salt$")).toBe(false);
  });
});
