import { describe, expect, it } from "vitest";
import { personalLinkExpired, personalLinkExpiresAt, personalLinkLifetimeMs } from "./personal-link-expiry";

const madeAt = Date.UTC(2026, 5, 6, 10, 0);
const hour = 60 * 60 * 1000;

describe("personal link expiry", () => {
  it("lasts two days from when it was made: the weekend it is for, no longer", () => {
    expect(personalLinkLifetimeMs).toBe(48 * hour);
    expect(personalLinkExpiresAt(madeAt)).toBe(madeAt + 48 * hour);
  });

  it("works until the moment it expires, and never after", () => {
    expect(personalLinkExpired(madeAt, madeAt)).toBe(false);
    expect(personalLinkExpired(madeAt, madeAt + 47 * hour)).toBe(false);
    expect(personalLinkExpired(madeAt, madeAt + 48 * hour - 1)).toBe(false);
    expect(personalLinkExpired(madeAt, madeAt + 48 * hour)).toBe(true);
    expect(personalLinkExpired(madeAt, madeAt + 365 * 24 * hour)).toBe(true);
  });

  it("treats a link with no making time as expired", () => {
    expect(personalLinkExpired(null, madeAt)).toBe(true);
  });
});
