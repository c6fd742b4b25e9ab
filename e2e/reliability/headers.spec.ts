/**
 * Security headers on every kind of response (pages, route handlers, static chunks, socket.io
 * polling, redirects, 404s), and no page trips its own Content-Security-Policy: each page is
 * opened in Chromium as the role that may see it, and any CSP violation fails the test.
 */
import { expect, type Page, test } from "@playwright/test";
import { securityHeaderProblems } from "../../test/support/security-headers";
import { e2eBaseUrl } from "../support/config";
import { createWorld, type Role, report, type World } from "./support/world";

/** Pages and who opens them. Add a row for a new page. */
const pagesToOpen: { path: (w: World) => string; as: Role }[] = [
  { path: () => "/", as: "anonymous" },
  { path: () => "/j", as: "anonymous" },
  { path: (w) => `/j/${w.a.joinCode}`, as: "anonymous" },
  { path: () => "/signin", as: "anonymous" },
  { path: () => "/signin/forgot", as: "anonymous" },
  { path: () => "/signin/reset/not-a-real-token", as: "anonymous" },
  { path: () => "/stop/not-a-real-link", as: "anonymous" },
  { path: (w) => `/e/${w.a.slug}`, as: "anonymous" },
  { path: (w) => `/p/${w.a.slug}`, as: "participantA" },
  { path: (w) => `/p/${w.a.slug}/me`, as: "participantA" },
  { path: (w) => `/p/${w.a.slug}/device`, as: "participantA" },
  { path: (w) => `/p/${w.a.slug}/b/${w.teamBoard.id}`, as: "participantA" },
  { path: (w) => `/p/${w.a.slug}/brief/${w.publicBrief}`, as: "participantA" },
  { path: (w) => `/f/${w.a.slug}`, as: "facilitatorA" },
  { path: (w) => `/f/${w.a.slug}/b/${w.teamBoard.id}`, as: "facilitatorA" },
  { path: (w) => `/s/${w.a.slug}`, as: "facilitatorA" },
  { path: (w) => `/s/${w.a.slug}/b/${w.roomBoard.id}`, as: "facilitatorA" },
  { path: () => "/o", as: "organiserA" },
  { path: (w) => `/o/${w.a.slug}`, as: "organiserA" },
  { path: (w) => `/o/${w.a.slug}/edit`, as: "organiserA" },
  { path: (w) => `/o/${w.a.slug}/briefs/${w.publicBrief}`, as: "organiserA" },
];

async function asRole(page: Page, cookie: string) {
  if (!cookie) return;
  const [name, ...value] = cookie.split("=");
  await page
    .context()
    .addCookies([{ name: name as string, value: value.join("="), url: e2eBaseUrl, httpOnly: true, sameSite: "Lax" }]);
}

test("every response carries the security headers", async ({ page }) => {
  const w = await createWorld();
  // A static chunk the home page loads.
  await page.goto("/");
  const chunk = await page.evaluate(
    () => (document.querySelector("script[src*='/_next/static/']") as HTMLScriptElement | null)?.src,
  );
  expect(chunk, "a static chunk on the home page").toBeTruthy();
  const requests: { what: string; url: string; init?: RequestInit }[] = [
    { what: "page", url: `/e/${w.a.slug}` },
    { what: "redirect", url: `/f/${w.a.slug}` },
    { what: "404 page", url: "/no-such-page" },
    { what: "route handler", url: `/e/${w.a.slug}/calendar.ics` },
    { what: "file", url: `/files/${w.publicFile}` },
    { what: "route 404", url: "/photos/not-a-photo" },
    { what: "api", url: `/api/boards/${w.teamBoard.id}/photos`, init: { method: "POST", headers: { origin: e2eBaseUrl } } },
    { what: "static chunk", url: new URL(chunk as string).pathname },
    { what: "socket.io polling", url: "/socket.io/?EIO=4&transport=polling" },
    { what: "health", url: "/healthz" },
  ];
  const problems: string[] = [];
  for (const r of requests) {
    for (const https of [false, true]) {
      const headers = {
        ...((r.init?.headers as Record<string, string>) ?? {}),
        ...(https ? { "x-forwarded-proto": "https" } : {}),
      };
      const res = await fetch(`${e2eBaseUrl}${r.url}`, { ...r.init, headers, redirect: "manual" });
      for (const p of securityHeaderProblems((n) => res.headers.get(n), { https })) problems.push(`${r.what} ${r.url}: ${p}`);
    }
  }
  const line = report("headers", { responses: requests.length * 2, problems: problems.length }, problems.length === 0);
  expect(problems, line).toEqual([]);
});

test("no page breaks its own Content-Security-Policy", async ({ browser }) => {
  test.setTimeout(180_000);
  const w = await createWorld();
  const violations: string[] = [];
  for (const p of pagesToOpen) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await asRole(page, w.cookies[p.as]);
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(`${p.path(w)}: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`Refused to ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const path = p.path(w);
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    // Hydrated: React has attached to the page (a nonce-less script would never run).
    await expect.poll(() => page.evaluate(() => "__next_f" in window && document.readyState === "complete")).toBe(true);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    await context.close();
  }
  const line = report("csp-pages", { pages: pagesToOpen.length, violations: violations.length }, violations.length === 0);
  expect(violations, line).toEqual([]);
});
