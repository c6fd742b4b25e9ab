/**
 * A page carries its stylesheet once (lib/server/inlined-css.ts): in its <head>, and not again
 * in the payload React reads at hydration, where Next would put it twice more. Hydration keeps
 * that stylesheet, a phone that moves on to another page keeps its styles, and pages come
 * compressed (gzip, or brotli where the browser offers it).
 */
import { expect, test } from "@playwright/test";
import { e2eBaseUrl } from "../support/config";
import { createWorld, type Role, report, type World } from "./support/world";

const pages: { path: (w: World) => string; as: Role }[] = [
  { path: (w) => `/j/${w.a.joinCode}`, as: "anonymous" },
  { path: (w) => `/p/${w.a.slug}`, as: "participantA" },
  { path: (w) => `/p/${w.a.slug}/b/${w.teamBoard.id}`, as: "participantA" },
  { path: (w) => `/f/${w.a.slug}/b/${w.teamBoard.id}`, as: "facilitatorA" },
  { path: (w) => `/s/${w.a.slug}`, as: "facilitatorA" },
  { path: (w) => `/o/${w.a.slug}`, as: "organiserA" },
];

/** What React reads from the page: the payload chunks Next inlines, decoded and joined. */
function payloadOf(html: string): string {
  let out = "";
  for (const m of html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/g)) {
    const [kind, text] = JSON.parse(m[1] as string) as [number, string];
    if (kind === 1) out += text;
  }
  return out;
}

const stylesheetsOf = (html: string) =>
  [...html.matchAll(/<style data-precedence="[^"]*" data-href="[^"]*"[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] as string);

test("each page carries its stylesheet once, compressed", async () => {
  const w = await createWorld();
  const problems: string[] = [];
  for (const p of pages) {
    const path = p.path(w);
    const headers = { accept: "text/html", cookie: w.cookies[p.as] };
    const gzip = await fetch(`${e2eBaseUrl}${path}`, { headers: { ...headers, "accept-encoding": "gzip" } });
    expect(gzip.status, path).toBe(200);
    expect(gzip.headers.get("content-encoding"), path).toBe("gzip");
    const html = await gzip.text();
    const sheets = stylesheetsOf(html);
    expect(sheets.length, `${path}: an inlined stylesheet`).toBeGreaterThan(0);
    const payload = payloadOf(html);
    expect(payload, `${path}: a payload`).toContain("$Sreact");
    for (const sheet of sheets) {
      // A stretch from the middle of the stylesheet: once in the page, never in the payload.
      const marker = sheet.slice(sheet.length / 2, sheet.length / 2 + 200);
      if (html.split(marker).length - 1 !== 1) problems.push(`${path}: the stylesheet is in the HTML more than once`);
      if (payload.includes(marker)) problems.push(`${path}: the stylesheet is in the payload`);
    }
    const br = await fetch(`${e2eBaseUrl}${path}`, { headers: { ...headers, "accept-encoding": "br" } });
    expect(br.headers.get("content-encoding"), path).toBe("br");
    expect(stylesheetsOf(await br.text()), path).toEqual(sheets);
  }
  const line = report("page-weight", { pages: pages.length, problems: problems.length }, problems.length === 0);
  expect(problems, line).toEqual([]);
});

test("a phone keeps the page's styles through hydration and on to the next page", async ({ browser }) => {
  const w = await createWorld();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const stylesheetFetches: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "stylesheet" || r.url().endsWith(".css")) stylesheetFetches.push(r.url());
  });
  await page.goto(`/j/${w.a.joinCode}`);
  await expect.poll(() => page.evaluate(() => "__next_f" in window && document.readyState === "complete")).toBe(true);
  await page.waitForLoadState("networkidle");
  const styled = () =>
    page.evaluate(() => ({
      sheets: document.querySelectorAll("style[data-href]").length,
      text: document.querySelector("style[data-href]")?.textContent?.length ?? 0,
      paper: getComputedStyle(document.documentElement).backgroundColor,
      button: getComputedStyle(document.querySelector("button[type=submit]") as Element).backgroundColor,
    }));
  const first = await styled();
  expect(first.sheets).toBe(1);
  expect(first.text, "the stylesheet's text, kept through hydration").toBeGreaterThan(10_000);
  expect(first.paper).toBe("rgb(250, 247, 240)");
  expect(first.button).not.toBe("rgba(0, 0, 0, 0)");
  expect(stylesheetFetches, "hydration fetched the stylesheet again").toEqual([]);

  // JavaScript works: the name is typed and the phone joins, then moves on within the app.
  await page.getByLabel("What should people call you?").fill("Amira");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${w.a.slug}`));
  const home = await page.evaluate(() => ({
    sheets: document.querySelectorAll("style[data-href]").length,
    paper: getComputedStyle(document.documentElement).backgroundColor,
  }));
  expect(home.sheets).toBe(1);
  expect(home.paper).toBe("rgb(250, 247, 240)");
  await context.close();
});

test("a form posted without JavaScript gets its page back styled, with the stylesheet once", async ({ browser }) => {
  const w = await createWorld();
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto(`/j/${w.a.joinCode}`);
  // Nothing typed: the server action answers the POST with the whole page and its message.
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/j/${w.a.joinCode}`));
  await page.getByRole("button", { name: "Join" }).click();
  const posted = await answer;
  expect(posted.headers()["content-type"]).toContain("text/html");
  const html = await posted.text();
  const sheets = stylesheetsOf(html);
  expect(sheets.length, "an inlined stylesheet").toBeGreaterThan(0);
  for (const sheet of sheets) {
    const marker = sheet.slice(sheet.length / 2, sheet.length / 2 + 200);
    expect(html.split(marker).length - 1, "the stylesheet once in the answer").toBe(1);
    expect(payloadOf(html)).not.toContain(marker);
  }
  await expect(page.getByText("Tell us what to call you.").first()).toBeVisible();
  const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(paper).toBe("rgb(250, 247, 240)");
  // Then the name, and the phone joins.
  await page.getByLabel("What should people call you?").fill("Amira");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${w.a.slug}`));
  await context.close();
});
