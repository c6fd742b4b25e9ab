import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { providerSessionHoursDefault, sessionLifetimeMs } from "./account-session";

const hour = 3_600_000;

describe("how long a staff session lasts", () => {
  it("lasts a weekend when the identity provider vouched for it, so a projector signed in on Friday evening is not signed out on Saturday", () => {
    expect(sessionLifetimeMs("provider", undefined)).toBe(providerSessionHoursDefault * hour);
    expect(providerSessionHoursDefault).toBeGreaterThanOrEqual(48);
  });

  it("follows OIDC_SESSION_HOURS for the provider's sessions, and keeps a password's 30 days", () => {
    expect(sessionLifetimeMs("provider", 8)).toBe(8 * hour);
    expect(sessionLifetimeMs("password", 8)).toBe(30 * 24 * hour);
  });

  it("refuses an OIDC_SESSION_HOURS that is not a whole number of hours up to a month, in words", () => {
    const base = { NODE_ENV: "test", SESSION_SECRET: "x".repeat(32) } as NodeJS.ProcessEnv;
    expect(parseEnv({ ...base, OIDC_SESSION_HOURS: "12" }).OIDC_SESSION_HOURS).toBe(12);
    expect(() => parseEnv({ ...base, OIDC_SESSION_HOURS: "0" })).toThrow(
      /OIDC_SESSION_HOURS: must be a whole number from 1 to 720/,
    );
    expect(() => parseEnv({ ...base, OIDC_SESSION_HOURS: "a day" })).toThrow(/OIDC_SESSION_HOURS/);
  });
});
