import { describe, expect, it } from "vitest";
import { requestHostOf } from "./request-host";

const headers = (h: Record<string, string>) => new Headers(h);

describe("requestHostOf", () => {
  it("ignores forwarded headers when no proxy is trusted: anybody can send them", () => {
    const h = headers({ host: "madein.local:3000", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https" });
    expect(requestHostOf(h, 0)).toEqual({ host: "madein.local:3000", proto: "http" });
  });

  it("takes the nearest forwarded host and scheme behind a trusted proxy", () => {
    const h = headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "madein.example.org, inner",
      "x-forwarded-proto": "https, http",
    });
    expect(requestHostOf(h, 1)).toEqual({ host: "madein.example.org", proto: "https" });
  });

  it("falls back to Host when the proxy sends no forwarded host, and to http for any other scheme", () => {
    expect(requestHostOf(headers({ host: "a.example", "x-forwarded-proto": "gopher" }), 1)).toEqual({
      host: "a.example",
      proto: "http",
    });
    expect(requestHostOf(headers({}), 1)).toEqual({ host: null, proto: "http" });
  });
});
