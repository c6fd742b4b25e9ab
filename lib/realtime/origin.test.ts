import { describe, expect, it } from "vitest";
import { originAllowed, requestOrigin } from "./origin";

const site = (host: string | undefined, proto?: string) => requestOrigin(host, proto);

describe("originAllowed", () => {
  it("allows a page served from the same scheme, host and port", () => {
    expect(originAllowed("http://127.0.0.1:3000", site("127.0.0.1:3000"))).toBe(true);
    expect(originAllowed("https://madein.example", site("madein.example", "https"))).toBe(true);
  });

  it("allows a request without an Origin (not a browser riding on our cookies)", () => {
    expect(originAllowed(undefined, site("127.0.0.1:3000"))).toBe(true);
  });

  it("refuses another site, another port and another subdomain", () => {
    expect(originAllowed("http://evil.example", site("127.0.0.1:3000"))).toBe(false);
    expect(originAllowed("http://127.0.0.1:3001", site("127.0.0.1:3000"))).toBe(false);
    expect(originAllowed("https://madein.example.evil.test", site("madein.example", "https"))).toBe(false);
    expect(originAllowed("https://evil.madein.example", site("madein.example", "https"))).toBe(false);
  });

  it("refuses the same host over another scheme", () => {
    expect(originAllowed("https://127.0.0.1:3000", site("127.0.0.1:3000"))).toBe(false);
    expect(originAllowed("http://madein.example", site("madein.example", "https"))).toBe(false);
    expect(originAllowed("https://madein.example", site("madein.example", "http"))).toBe(false);
  });

  it("reads the scheme from a TLS socket or the proxy's X-Forwarded-Proto (its first value)", () => {
    expect(requestOrigin("madein.example", undefined, true)).toBe("https://madein.example");
    expect(requestOrigin("madein.example", "https, http")).toBe("https://madein.example");
    expect(requestOrigin("madein.example", "HTTPS")).toBe("https://madein.example");
    expect(requestOrigin("madein.example:443", "https")).toBe("https://madein.example");
    expect(requestOrigin("madein.example", "http")).toBe("http://madein.example");
    expect(requestOrigin("not a host", "http")).toBe(null);
  });

  it("refuses an Origin that is not a URL, including the literal null of sandboxed pages", () => {
    expect(originAllowed("null", site("127.0.0.1:3000"))).toBe(false);
    // Sent as `Origin:` with nothing after it: no browser does, and Next fails on it (a 500).
    expect(originAllowed("", site("127.0.0.1:3000"))).toBe(false);
    expect(originAllowed("not a url", site("127.0.0.1:3000"))).toBe(false);
    expect(originAllowed("file://", site("127.0.0.1:3000"))).toBe(false);
  });

  it("refuses when the Host header is missing, unless the Origin is the public URL", () => {
    expect(originAllowed("http://127.0.0.1:3000", site(undefined))).toBe(false);
    expect(originAllowed("https://madein.example", site(undefined), "https://madein.example/")).toBe(true);
  });

  it("allows the public URL's origin behind a proxy that rewrites Host", () => {
    expect(originAllowed("https://madein.example", site("10.0.0.5:3000"), "https://madein.example/some/path")).toBe(true);
    expect(originAllowed("http://madein.example", site("10.0.0.5:3000"), "https://madein.example")).toBe(false);
    expect(originAllowed("https://other.example", site("10.0.0.5:3000"), "https://madein.example")).toBe(false);
  });
});
