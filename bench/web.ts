/**
 * `npm run bench:web`: JavaScript a phone downloads for the participant page (/p/[slug]) against
 * a bare Next.js + React + socket.io-client page, both production builds with the same next and
 * react from node_modules, both measured in Chromium (e2e/support/browser.ts) the same way:
 * the sum of the transfer sizes (headers + encoded body) of every script response until the
 * network is idle. Writes bench/results/web.json.
 * The app is built into its own dist dir (.next-bench, via NEXT_DIST_DIR) so a colleague's
 * .next is never touched; the bare page is written to bench/.web-baseline-build/ at run time
 * (inside the repo so it resolves the same node_modules) and deleted afterwards.
 * `--skip-build` reuses existing builds.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { participantCookieName } from "@/lib/auth/cookies";
import { sign } from "@/lib/auth/tokens";
import { joinEvent } from "@/lib/participants/join-event";
import { startServer } from "@/lib/server/start-server";
import { chromiumArgs, chromiumExecutable } from "../e2e/support/browser";
import { bareNextPageFiles, freePort } from "./lib/bare-page";
import { seed } from "./lib/seed";

const root = process.cwd();
const nextBin = resolve(root, "node_modules/next/dist/bin/next");
const appDist = ".next-bench";
const baselineDir = resolve(root, "bench/.web-baseline-build");
const skipBuild = process.argv.includes("--skip-build");
const log = (m: string) => process.stderr.write(`${m}\n`);
process.env.NEXT_TELEMETRY_DISABLED = "1";

type Measured = { scripts: number; transferBytes: number; bodyBytes: number; files: { url: string; bytes: number }[] };

async function measure(browser: Browser, url: string, cookie?: { name: string; value: string }): Promise<Measured> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  if (cookie) await context.addCookies([{ ...cookie, url }]);
  const page = await context.newPage();
  const pending: Promise<{ url: string; transfer: number; body: number }>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    pending.push(
      request
        .sizes()
        .then((s) => ({ url: request.url(), transfer: s.responseHeadersSize + s.responseBodySize, body: s.responseBodySize })),
    );
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  const files = await Promise.all(pending);
  await context.close();
  return {
    scripts: files.length,
    transferBytes: files.reduce((a, f) => a + f.transfer, 0),
    bodyBytes: files.reduce((a, f) => a + f.body, 0),
    files: files.map((f) => ({ url: new URL(f.url).pathname, bytes: f.transfer })),
  };
}

if (!skipBuild) {
  log(`building the app into ${appDist} …`);
  execFileSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: appDist } });
}
rmSync(baselineDir, { recursive: true, force: true });
for (const [file, text] of Object.entries(bareNextPageFiles)) {
  mkdirSync(join(baselineDir, file, ".."), { recursive: true });
  writeFileSync(join(baselineDir, file), text);
}
let baseline: ChildProcess | null = null;
let browser: Browser | null = null;
const dir = mkdtempSync(join(tmpdir(), "madein-bench-web-"));
try {
  log("building the bare Next.js + React + socket.io-client page …");
  execFileSync(process.execPath, [nextBin, "build", baselineDir], { stdio: "inherit", env: process.env });
  const port = await freePort();
  baseline = spawn(process.execPath, [nextBin, "start", baselineDir, "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const baselineUrl = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(baselineUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }

  process.env.NEXT_DIST_DIR = appDist;
  const secret = "bench-secret-0123456789abcdef0123456789";
  const server = await startServer({
    env: { DATABASE_URL: `file:${join(dir, "web.db")}`, PORT: 0, HOST: "127.0.0.1", SESSION_SECRET: secret },
    pages: { dev: false },
    log: () => {},
  });
  const seeded = await seed(server.db, 1, 6);
  const { events } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const [event] = await server.db.read.select().from(events).where(eq(events.id, seeded.eventId));
  const me =
    seeded.participantIds[0] ??
    (await server.db.transact((tx) => joinEvent(tx, { eventId: seeded.eventId, displayName: randomUUID() }))).participantId;

  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const phone = await measure(browser, `${server.url}/p/${event?.slug}`, {
    name: participantCookieName(seeded.eventId),
    value: sign(me, secret),
  });
  const bare = await measure(browser, baselineUrl);
  await server.close();
  const ratio = Math.round((phone.transferBytes / bare.transferBytes) * 100) / 100;
  const result = {
    participantPage: phone,
    bareNextPage: bare,
    ratio,
    target: 1.3,
    browser: browser.version(),
    next: (await import("next/package.json", { with: { type: "json" } })).default.version,
    at: new Date().toISOString(),
  };
  console.table({
    "participant /p/[slug]": { scripts: phone.scripts, "transfer KB": Math.round(phone.transferBytes / 102.4) / 10 },
    "bare Next+React+socket.io-client": { scripts: bare.scripts, "transfer KB": Math.round(bare.transferBytes / 102.4) / 10 },
  });
  console.log(`ratio ${ratio} (target ≤ 1.3)`);
  writeFileSync("bench/results/web.json", `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await browser?.close();
  baseline?.kill();
  rmSync(baselineDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
