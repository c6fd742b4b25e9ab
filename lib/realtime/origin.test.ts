import { describe, expect, it } from "vitest";
import { originAllowed } from "./origin";

describe("originAllowed", () => {
  it("allows a page served from the same host", () => {
    expect(originAllowed("http://127.0.0.1:3000", "127.0.0.1:3000")).toBe(true);
    expect(originAllowed("https://madein.example", "madein.example")).toBe(true);
  });

  it("allows a request without an Origin (not a browser riding on our cookies)", () => {
    expect(originAllowed(undefined, "127.0.0.1:3000")).toBe(true);
  });

  it("refuses another site, another port and another subdomain", () => {
    expect(originAllowed("http://evil.example", "127.0.0.1:3000")).toBe(false);
    expect(originAllowed("http://127.0.0.1:3001", "127.0.0.1:3000")).toBe(false);
    expect(originAllowed("https://madein.example.evil.test", "madein.example")).toBe(false);
    expect(originAllowed("https://evil.madein.example", "madein.example")).toBe(false);
  });

  it("refuses an Origin that is not a URL, including the literal null of sandboxed pages", () => {
    expect(originAllowed("null", "127.0.0.1:3000")).toBe(false);
    expect(originAllowed("not a url", "127.0.0.1:3000")).toBe(false);
  });

  it("refuses when the Host header is missing, unless the Origin is the public URL", () => {
    expect(originAllowed("http://127.0.0.1:3000", undefined)).toBe(false);
    expect(originAllowed("https://madein.example", undefined, "https://madein.example/")).toBe(true);
  });

  it("allows the public URL's origin behind a proxy that rewrites Host", () => {
    expect(originAllowed("https://madein.example", "10.0.0.5:3000", "https://madein.example/some/path")).toBe(true);
    expect(originAllowed("http://madein.example", "10.0.0.5:3000", "https://madein.example")).toBe(false);
    expect(originAllowed("https://other.example", "10.0.0.5:3000", "https://madein.example")).toBe(false);
  });
});
