import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps, withFramingRules } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce in production, never eval", () => {
    const csp = contentSecurityPolicy("abc", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("allows eval and the hot-reload socket only in development", () => {
    const csp = contentSecurityPolicy("abc", true);
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
  });
});

describe("servedOverHttps", () => {
  it("is true for an https public URL or a proxy saying https", () => {
    expect(servedOverHttps({ headers: {} }, "https://madein.example")).toBe(true);
    expect(servedOverHttps({ headers: { "x-forwarded-proto": "https, http" } })).toBe(true);
    expect(servedOverHttps({ headers: { "x-forwarded-proto": "http" } }, "http://10.0.0.2:3000")).toBe(false);
    expect(servedOverHttps({ headers: {} })).toBe(false);
  });
});

describe("withFramingRules", () => {
  it("keeps a route's own policy and adds framing and plugin rules it lacks", () => {
    expect(withFramingRules("default-src 'none'; img-src 'self'; sandbox")).toBe(
      "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'; object-src 'none'",
    );
    expect(withFramingRules("default-src 'none'; frame-ancestors 'self'; object-src 'none'")).toBe(
      "default-src 'none'; frame-ancestors 'self'; object-src 'none'",
    );
  });
});
