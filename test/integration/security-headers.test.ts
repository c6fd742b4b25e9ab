/**
 * Every response of the one HTTP server carries the security headers: the health check, a 404,
 * socket.io's polling transport (answered by engine.io before our own handler) and its refusals.
 * Pages, route handlers and static chunks are checked in the browser tests
 * (e2e/reliability/headers.spec.ts), which need a Next build.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaderProblems } from "../support/security-headers";
import { startTestServer, type TestServer } from "./support/server";

function expectSecurityHeaders(headers: Headers, options: { https: boolean; path: string }) {
  expect(
    securityHeaderProblems((n) => headers.get(n), options),
    options.path,
  ).toEqual([]);
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.dispose();
});

describe("security headers", () => {
  it("are on the health check, a 404 and socket.io polling (accepted and refused)", async () => {
    const paths = ["/healthz", "/no-such-page", "/socket.io/?EIO=4&transport=polling", "/socket.io/?EIO=9&transport=nonsense"];
    for (const path of paths) {
      const res = await fetch(`${t.url}${path}`, { headers: { origin: t.url } });
      expectSecurityHeaders(res.headers, { https: false, path });
    }
  });

  it("add HSTS only when the request came over HTTPS", async () => {
    const plain = await fetch(`${t.url}/healthz`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const proxied = await fetch(`${t.url}/healthz`, { headers: { "x-forwarded-proto": "https" } });
    expectSecurityHeaders(proxied.headers, { https: true, path: "/healthz via https" });
  });

  it("give each response its own nonce, whatever CSP the client sent", async () => {
    const nonceOf = (h: Headers) => /'nonce-([^']+)'/.exec(h.get("content-security-policy") ?? "")?.[1];
    const a = await fetch(`${t.url}/healthz`, { headers: { "content-security-policy": "script-src 'nonce-chosen'" } });
    const b = await fetch(`${t.url}/healthz`);
    expect(nonceOf(a.headers)).toBeTruthy();
    expect(nonceOf(a.headers)).not.toBe("chosen");
    expect(nonceOf(a.headers)).not.toBe(nonceOf(b.headers));
  });
});
