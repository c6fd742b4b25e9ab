import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "./e2e/support/browser";
const base = "http://localhost:3400";
const code = process.argv[2]!;
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
const page = await ctx.newPage();
const errors: string[] = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
const shot = async (name: string) => { await page.waitForTimeout(800); await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true }); };
await page.goto(`${base}/j/${code}`);
await shot("01-join");
await page.getByRole("button", { name: /join/i }).click();
await shot("02-join-empty");
await page.getByRole("textbox").first().fill("Zoë Okafor-Ng");
await page.getByRole("button", { name: /join/i }).click();
await page.waitForURL(/\/p\//);
await shot("03-home");
const links = await page.locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
console.log([...new Set(links)].filter((l) => l.startsWith(base)).join("\n"));
let i = 4;
for (const l of [...new Set(links)].filter((l) => l.startsWith(base) && l.includes("/p/"))) {
  await page.goto(l);
  await shot(`${String(i++).padStart(2, "0")}-${l.replace(base, "").replace(/[^a-z0-9]+/gi, "_").slice(0, 40)}`);
}
console.log("errors", errors);
await browser.close();
