/**
 * `npm run bench:phone`: what a participant feels on a mid-range phone on venue Wi-Fi (issue 23).
 * Real Chromium (e2e/support/browser.ts) on the production build, with a phone profile set
 * through the DevTools protocol: CPU slowed 4× (`Emulation.setCPUThrottlingRate`), network
 * ≈ 1.6 Mbps down / 750 kbps up / 150 ms latency (`Network.emulateNetworkConditions`), a
 * 390×844 touch viewport. The same profile loads a bare Next.js + React + socket.io-client page
 * built from the same node_modules. Writes bench/results/phone.json.
 *
 * - lcp_vs_bare: Largest Contentful Paint of the join page (/j/<code>) and the phone home
 *   (/p/<slug>) ÷ the bare page's (median of `--loads` cold loads each, interleaved);
 * - add_note_500_vs_empty: tap on "Add note" → the note on the phone's own screen (pending or
 *   confirmed), and tap → the server's copy shown (the confirmed `note` element, not the
 *   `pending-note`), p95 over `--taps` taps, on a 500-note board ÷ on an empty board;
 * - vote_tap_p95_ms: tap on "+" → next paint with the dot (Event Timing, INP-like duration) on
 *   the 500-note board, in a round opened through the server's executeCommand;
 * - wall_long_tasks: the projector (/s/<slug>/b/<board>, 1920×1080, a staff session) showing a
 *   300-note board while 50 notes/s arrive for 20 s through the server's command path;
 * - reconnect_ms_p95: a phone offline for 30 s (context.setOffline) while notes are added; network
 *   back → its board lists exactly the server's notes.
 *
 * The server runs in this process (like bench/web.ts and bench/board-500.ts); the app is built
 * into `.next-bench` (NEXT_DIST_DIR) and the bare page into `.next-phone-bare/`; `--skip-build`
 * reuses both. Options: --taps N (30; at most 30 a minute per person pass the server's note limit), --vote-taps N (30), --loads N (5), --reconnects N (5),
 * --offline-s S (30), --wall-s S (20), --wall-rate R (50), --only lcp,add,vote,reconnect,wall,
 * (and `variants`, never in the default run: the join page's LCP whole, without its stylesheet, with a
 * generic font; bench/lib/page-variants.ts),
 * --out FILE, --profile (a Chromium trace around the add-note taps and the vote taps, summarised per tap).
 * BENCH_LOG_LEVEL=debug in the environment logs each command the server answers, with its duration.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Locator, type Page } from "@playwright/test";
import { and, eq, isNull } from "drizzle-orm";
import { accountSessions, events, notes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { accountSessionCookie, participantCookieName } from "@/lib/auth/cookies";
import { hashToken, newToken, sign } from "@/lib/auth/tokens";
import { insertBoard } from "@/lib/boards/create-board";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { startServer } from "@/lib/server/start-server";
import { chromiumArgs, chromiumExecutable } from "../e2e/support/browser";
import { bareNextPageFiles, freePort } from "./lib/bare-page";
import { pageVariants, serveVariants } from "./lib/page-variants";
import { seed } from "./lib/seed";
import { ascending, percentile, round1 } from "./lib/stats";

const root = process.cwd();
const nextBin = resolve(root, "node_modules/next/dist/bin/next");
const appDist = ".next-bench";
const bareDir = resolve(root, ".next-phone-bare");
const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const skipBuild = argv.includes("--skip-build");
const taps = opt("taps", 30);
const voteTaps = opt("vote-taps", 30);
const loads = opt("loads", 5);
const reconnects = opt("reconnects", 5);
const offlineS = opt("offline-s", 30);
const wallS = opt("wall-s", 20);
const wallRate = opt("wall-rate", 50);
const onlyArg = argv.includes("--only") ? argv[argv.indexOf("--only") + 1]!.split(",") : null;
const want = (part: string) => !onlyArg || onlyArg.includes(part);
const out = argv.includes("--out") ? argv[argv.indexOf("--out") + 1]! : "bench/results/phone.json";
const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** The phone: a mid-range handset four years old, on a busy town hall's Wi-Fi. */
const profile = {
  cpuSlowdown: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
};
const phoneViewport = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const p = (values: number[], q: number) => round1(percentile(ascending(values), q));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;
const median = (values: number[]) => p(values, 50);

/** Puts the phone profile on a page (CPU and network), through its own DevTools session. */
async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", profile.network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
  return cdp;
}

/** What one load painted last and what it fetched first: to see where a page's LCP goes. */
type LoadDetail = {
  lcpMs: number;
  element: string;
  /** Navigation: response start and end of the HTML, DOMContentLoaded (ms from navigation start). */
  html: { responseStart: number; responseEnd: number; bytes: number; domContentLoaded: number };
  /** Requests that ended before the LCP: kind, path, bytes on the wire, ends. */
  before: { kind: string; path: string; bytes: number; endMs: number }[];
};

/** Largest Contentful Paint of one cold load (a new context: no cache, no service worker). */
async function lcpOf(
  browser: Browser,
  url: string,
  cookie?: { name: string; value: string },
  tracePath?: string,
): Promise<LoadDetail> {
  const context = await browser.newContext(phoneViewport);
  try {
    if (cookie) await context.addCookies([{ ...cookie, url }]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number | null; __lcpElement: string };
      w.__lcp = null;
      w.__lcpElement = "";
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null; size?: number })[]) {
          w.__lcp = e.startTime;
          const el = e.element;
          w.__lcpElement = el
            ? `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}" (${e.size ?? 0} px²)`
            : "(removed)";
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await throttle(page);
    if (tracePath) {
      mkdirSync("bench/results/profiles", { recursive: true });
      await browser.startTracing(page, {
        path: tracePath,
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "loading", "blink.user_timing"],
      });
    }
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    await page.waitForLoadState("networkidle");
    // LCP entries are queued after paint: the candidate is read once the page has one.
    await page.waitForFunction(() => (window as unknown as { __lcp: number | null }).__lcp !== null);
    if (tracePath) await browser.stopTracing();
    return await page.evaluate(() => {
      const w = window as unknown as { __lcp: number; __lcpElement: string };
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        lcpMs: w.__lcp,
        element: w.__lcpElement,
        html: {
          responseStart: Math.round(nav.responseStart * 10) / 10,
          responseEnd: Math.round(nav.responseEnd * 10) / 10,
          bytes: nav.transferSize,
          domContentLoaded: Math.round(nav.domContentLoadedEventStart * 10) / 10,
        },
        before: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => e.responseEnd <= w.__lcp)
          .map((e) => ({
            kind: e.initiatorType,
            path: new URL(e.name).pathname.slice(0, 60),
            bytes: e.transferSize,
            endMs: Math.round(e.responseEnd * 10) / 10,
          })),
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * In the page (passed as source: no named inner functions, which tsx would wrap in a helper the
 * page does not have): when a note with the awaited text first appears (pending or confirmed), after the tap. */
function installNoteWatch() {
  type W = {
    __tap: number | null;
    __expect: string | null;
    __own: number | null;
    __server: number | null;
  };
  const w = window as unknown as W;
  Object.assign(w, { __tap: null, __expect: null, __own: null, __server: null });
  // The tap starts at the finger going down on "Add note" (the event's own timestamp).
  document.addEventListener(
    "pointerdown",
    (e) => {
      const button = (e.target as Element | null)?.closest?.("button");
      if (button?.textContent?.startsWith("Add note")) w.__tap = e.timeStamp;
    },
    true,
  );
  new MutationObserver((records) => {
    const expect = w.__expect;
    if (!expect) return;
    for (const r of records)
      for (const n of r.addedNodes) {
        if (!(n instanceof HTMLElement)) continue;
        const li = n.matches('[data-testid="note"],[data-testid="pending-note"]')
          ? n
          : n.querySelector('[data-testid="note"],[data-testid="pending-note"]');
        if (!(li instanceof HTMLElement) || !li.textContent?.includes(expect)) continue;
        const confirmed = li.dataset.testid === "note";
        if (w.__own === null) {
          w.__own = -1;
          // Shown: the frame that paints it (rAF runs before that paint, the timeout after it).
          requestAnimationFrame(() =>
            setTimeout(() => {
              w.__own = performance.now();
            }, 0),
          );
        }
        if (confirmed && w.__server === null) {
          w.__server = -1;
          requestAnimationFrame(() =>
            setTimeout(() => {
              w.__server = performance.now();
            }, 0),
          );
        }
      }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Waits until the page's main thread is idle (a frame, then an idle period): the pause a person
 * takes between typing and tapping. Without it, the harness's own work just before a tap (the
 * locator's search of a 500-note page for the button and the label, the fill's input events)
 * was still running when the finger came down and counted as the tap's delay (finding 16).
 */
async function settle(page: Page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestIdleCallback(() => done(null), { timeout: 2000 }))),
  );
}

/** Each page's own DevTools session for the finger (made once). */
const fingers = new WeakMap<Page, CDPSession>();

/** The centre of what a finger will touch, scrolled into view: found before the tap is timed. */
async function touchPoint(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error("nothing to touch");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * A finger on the screen: touch start and end through the DevTools protocol, the events a
 * phone's touch screen sends (Chromium makes the pointer, mouse and click events from them).
 * Not Playwright's tap(): it first checks in the page that the element receives the touch (a
 * listener that calls elementsFromPoint during each event), work no real tap does, which sat
 * inside the measured event (~16 ms a tap at 4×, more on a longer page; finding 16).
 */
async function fingerTap(page: Page, point: { x: number; y: number }) {
  let cdp = fingers.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    fingers.set(page, cdp);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [point] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function addNoteTaps(page: Page, count: number, label: string) {
  const own: number[] = [];
  const server: number[] = [];
  const slow: { atMs: number; tap: number; pending: string | null; onLine: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${label} tap ${i} ${randomUUID().slice(0, 6)}`;
    await page.getByLabel("Your note").fill(text);
    await page.evaluate((t) => Object.assign(window, { __tap: null, __expect: t, __own: null, __server: null }), text);
    const addNote = await touchPoint(page.getByRole("button", { name: /^Add note/ }));
    await settle(page);
    await fingerTap(page, addNote);
    const shown = () =>
      page.waitForFunction(
        () => {
          const w = window as unknown as { __tap: number | null; __own: number | null; __server: number | null };
          return w.__tap !== null && (w.__own ?? -1) > 0 && (w.__server ?? -1) > 0;
        },
        undefined,
        { timeout: 120_000 },
      );
    // A server copy that takes more than 3 s: note what the phone said meanwhile (a diagnosis, not a figure).
    const late = await Promise.race([
      shown().then(
        () => false,
        () => true,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(true), 3000)),
    ]);
    if (late) {
      slow.push({
        atMs: Date.now() - startedAt,
        tap: i,
        pending: await page.evaluate(() => document.querySelector('[data-testid="pending-note"]')?.textContent ?? null),
        onLine: await page.evaluate(() => navigator.onLine),
      });
      await shown();
    }
    const m = await page.evaluate(() => {
      const w = window as unknown as { __tap: number; __own: number; __server: number; __expect: string | null };
      w.__expect = null;
      return { own: w.__own - w.__tap, server: w.__server - w.__tap };
    });
    own.push(m.own);
    server.push(m.server);
  }
  return {
    taps: count,
    ownScreenMs: { p50: p(own, 50), p95: p(own, 95), max: p(own, 100) },
    serverCopyMs: { p50: p(server, 50), p95: p(server, 95), max: p(server, 100) },
    samplesMs: { ownScreen: own.map(round1), serverCopy: server.map(round1) },
    slowServerCopies: slow,
  };
}

/**
 * `--profile`: a Chromium performance trace around the taps; main-thread time per tap by trace
 * event name (script, style, layout, paint, GC…), with the trace written to bench/results/profiles.
 */
const profileTaps = argv.includes("--profile");
const traced = [
  "FunctionCall",
  "EventDispatch",
  "TimerFire",
  "FireAnimationFrame",
  "RunMicrotasks",
  "UpdateLayoutTree",
  "Layout",
  "PrePaint",
  "Paint",
  "Layerize",
  "Commit",
  "MinorGC",
  "MajorGC",
  "V8.GC_SCAVENGER",
  "HitTest",
  "ParseHTML",
];
async function traceTaps<T>(page: Page, name: string, taps: number, run: () => Promise<T>) {
  if (!profileTaps || !browser) return { result: await run(), perTapMs: null, topSelfMsPerTap: null };
  mkdirSync("bench/results/profiles", { recursive: true });
  const path = `bench/results/profiles/phone-${name}.trace.json`;
  await browser.startTracing(page, {
    path,
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "disabled-by-default-v8.cpu_profiler"],
  });
  const result = await run();
  const buffer = await browser.stopTracing();
  const events = (
    JSON.parse(buffer.toString()) as {
      traceEvents: { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } }[];
    }
  ).traceEvents;
  const main = events.find(
    (e) =>
      e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "Layout"),
  );
  const perTapMs: Record<string, number> = {};
  for (const e of events)
    if (main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && traced.includes(e.name))
      perTapMs[e.name] = (perTapMs[e.name] ?? 0) + (e.dur ?? 0) / 1000 / taps;
  for (const k of Object.keys(perTapMs)) perTapMs[k] = round1(perTapMs[k]!)!;
  // The sampled JavaScript profile in the trace: self time per function (script file:name).
  type Node = { id: number; callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number } };
  const nodes = new Map<number, Node>();
  const selfMs = new Map<string, number>();
  for (const e of events as unknown as {
    name: string;
    pid: number;
    args?: { data?: { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } };
  }[]) {
    if (e.name !== "ProfileChunk" || !main || e.pid !== main.pid) continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const f = nodes.get(id)?.callFrame;
      if (!f) return;
      const key = `${(f.url ?? "").split("/").pop() || "(native)"}:${f.functionName || "(anonymous)"}:${f.lineNumber ?? ""}:${f.columnNumber ?? ""}`;
      selfMs.set(key, (selfMs.get(key) ?? 0) + (deltas[i] ?? 0) / 1000 / taps);
    });
  }
  const topSelfMsPerTap = [...selfMs]
    .filter(([k]) => !k.startsWith("(native):(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, v]) => [k, round1(v)]);
  return { result, perTapMs, topSelfMsPerTap };
}

async function signedParticipantCookie(eventId: string, participantId: string, secret: string) {
  return { name: participantCookieName(eventId), value: sign(participantId, secret) };
}

const loadBefore = loadavg();
const startedAt = Date.now();
/** The phone's socket.io traffic (requests, WebSocket open/close, note frames), for diagnosis. */
const socketLog: string[] = [];
if (!skipBuild) {
  log(`building the app into ${appDist} …`);
  execFileSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: appDist } });
}
if (!skipBuild || !existsSync(join(bareDir, ".next"))) {
  rmSync(bareDir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(bareNextPageFiles)) {
    mkdirSync(join(bareDir, file, ".."), { recursive: true });
    writeFileSync(join(bareDir, file), text);
  }
  log("building the bare Next.js + React + socket.io-client page …");
  execFileSync(process.execPath, [nextBin, "build", bareDir], { stdio: "inherit", env: process.env });
}

let bare: ChildProcess | null = null;
let browser: Browser | null = null;
const dir = mkdtempSync(join(tmpdir(), "madein-bench-phone-"));
const result: Record<string, unknown> = {};
try {
  const barePort = await freePort();
  bare = spawn(process.execPath, [nextBin, "start", bareDir, "-p", String(barePort), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(bareUrl).then(
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
    env: {
      DATABASE_URL: `file:${join(dir, "phone.db")}`,
      PORT: 0,
      HOST: "127.0.0.1",
      SESSION_SECRET: secret,
      LOG_LEVEL: (process.env.BENCH_LOG_LEVEL ?? "warn") as "warn",
    },
    pages: { dev: false },
    log: () => {},
  });
  const db = server.db;
  // One event: the phone, 50 other people who add notes, a facilitator; boards of 0, 500 and 300 notes.
  const seeded = await seed(db, 52, 0);
  const [event] = await db.read.select().from(events).where(eq(events.id, seeded.eventId));
  if (!event) throw new Error("no event");
  const me = seeded.participantIds[0]!;
  // A second person holds the phone on the 500-note board: the server allows 30 notes a minute
  // per person (lib/realtime/socket-server.ts noteLimiter), and the empty board's taps use them up.
  const meOnBig = seeded.participantIds[1]!;
  const others = seeded.participantIds.slice(2);
  const emptyBoardId = seeded.boardId;
  const boardWith = async (title: string, count: number) => {
    const board = await db.transact((tx) => insertBoard(tx, { eventId: event.id, teamId: null, title, template: "ideas" }));
    const column = board.columns[0]?.key ?? "ideas";
    await db.transact(async (tx) => {
      for (let i = 0; i < count; i++)
        await tx.insert(notes).values({
          id: randomUUID(),
          boardId: board.id,
          column,
          text: `Idea number ${i}: ${"a longer thought about the park, ".repeat(1 + (i % 4))}`,
          position: i,
          authorParticipantId: others[i % others.length]!,
        });
    });
    return { id: board.id, column };
  };
  const big = await boardWith("Five hundred ideas", 500);
  const wall = await boardWith("The wall", 300);
  const participant = (participantId: string): Actor => ({
    kind: "participant",
    eventId: event.id,
    participantId,
    role: "participant",
  });
  /** A command as the server runs one from a socket: executeCommand, then its broadcasts. */
  const command = async (actor: Actor, name: "note:create" | "vote:open" | "vote:close", payload: unknown) => {
    const execution = await executeCommand({ db, handlers }, actor, name, { id: `bench-${randomUUID()}`, payload });
    if (!execution.ack.ok) throw new Error(`${name} refused: ${execution.ack.error.message}`);
    server.realtime.emitBroadcasts(execution.broadcasts);
    return execution.ack.result as { round?: { id: string } };
  };
  let noteSeq = 0;
  const addFromOthers = (boardId: string, column: string) =>
    command(participant(others[noteSeq % others.length]!), "note:create", {
      boardId,
      column,
      text: `From the room ${noteSeq++}: the bandstand could host a Saturday market`,
    });
  const serverNotes = async (boardId: string) =>
    (
      await db.read
        .select({ text: notes.text })
        .from(notes)
        .where(and(eq(notes.boardId, boardId), isNull(notes.withheldAt)))
    ).map((n) => n.text);

  const myCookie = await signedParticipantCookie(event.id, me, secret);
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });

  if (want("lcp")) {
    log(`LCP: ${loads} cold loads each of the bare page, /j/<code> and /p/<slug>, interleaved …`);
    const lcp = { bare: [] as number[], join: [] as number[], home: [] as number[] };
    const last: Record<keyof typeof lcp, LoadDetail | null> = { bare: null, join: null, home: null };
    const load = async (kind: keyof typeof lcp, url: string, cookie?: { name: string; value: string }, i = 0) => {
      // With --profile, the last load of each page is traced (bench/results/profiles/phone-load-*.trace.json).
      const trace = profileTaps && i === loads - 1 ? `bench/results/profiles/phone-load-${kind}.trace.json` : undefined;
      const detail = await lcpOf(browser!, url, cookie, trace);
      lcp[kind].push(detail.lcpMs);
      last[kind] = detail;
    };
    for (let i = 0; i < loads; i++) {
      await load("bare", bareUrl, undefined, i);
      await load("join", `${server.url}/j/${event.joinCode}`, undefined, i);
      await load("home", `${server.url}/p/${event.slug}`, myCookie, i);
    }
    const m = { bare: median(lcp.bare), join: median(lcp.join), home: median(lcp.home) };
    result.lcp = {
      loads,
      medianMs: m,
      samplesMs: { bare: lcp.bare.map(round1), join: lcp.join.map(round1), home: lcp.home.map(round1) },
      lastLoad: last,
    };
    result.lcp_vs_bare = { join: ratio(m.join, m.bare), home: ratio(m.home, m.bare) };
    result.join_lcp_ms = m.join;
    log(`  LCP median: bare ${m.bare} ms, join ${m.join} ms, home ${m.home} ms`);
  }

  // Not in the default run: `--only variants` (finding 24).
  if (onlyArg?.includes("variants")) {
    log(`LCP variants: ${loads} cold loads each of the bare page, the live join page and its HTML served whole in versions …`);
    const joinUrl = `${server.url}/j/${event.joinCode}`;
    const html = await (await fetch(joinUrl, { headers: { accept: "text/html" } })).text();
    const variants = pageVariants(html);
    const served = await serveVariants(variants, server.url);
    const samples: Record<string, number[]> = {
      bare: [],
      live: [],
      ...Object.fromEntries(Object.keys(variants).map((k) => [k, []])),
    };
    try {
      for (let i = 0; i < loads; i++) {
        samples.bare!.push((await lcpOf(browser, bareUrl)).lcpMs);
        samples.live!.push((await lcpOf(browser, joinUrl)).lcpMs);
        for (const name of Object.keys(variants)) samples[name]!.push((await lcpOf(browser, `${served.url}/v/${name}`)).lcpMs);
      }
    } finally {
      served.server.close();
    }
    const medianMs = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
    result.lcpVariants = {
      loads,
      medianMs,
      vsBare: Object.fromEntries(Object.entries(medianMs).map(([k, v]) => [k, ratio(v, medianMs.bare ?? null)])),
      samplesMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map(round1)])),
    };
    log(
      `  LCP medians: ${Object.entries(medianMs)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")} ms`,
    );
  }

  let phone: { context: BrowserContext; page: Page } | null = null;
  const openPhone = async (boardId: string) => {
    if (!phone) {
      const context = await browser!.newContext(phoneViewport);
      await context.addCookies([{ ...myCookie, url: server.url }]);
      const page = await context.newPage();
      await page.addInitScript(installNoteWatch);
      await page.addInitScript(() => {
        const w = window as unknown as { __events: { id: number; name: string; start: number; duration: number }[] };
        w.__events = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[])
            if (e.interactionId) w.__events.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration });
        }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
      });
      phone = { context, page };
      // The socket's traffic, for the diagnosis of slow server copies (times in ms since start).
      page.on("request", (r) => {
        if (!r.url().includes("/socket.io/")) return;
        const started = Date.now() - startedAt;
        const transport = new URL(r.url()).searchParams.get("transport");
        r.response()
          .then(() => r.sizes())
          .then(
            () => socketLog.push(`${started}–${Date.now() - startedAt} ${r.method()} ${transport}`),
            () => socketLog.push(`${started}–failed ${r.method()} ${transport}`),
          );
      });
      page.on("websocket", (ws) => {
        socketLog.push(`${Date.now() - startedAt} websocket open`);
        ws.on("framesent", (f) => {
          const text = String(f.payload);
          if (text.includes("note:create") || text === "5" || text === "2probe")
            socketLog.push(`${Date.now() - startedAt} ws sent ${text.slice(0, 24)}`);
        });
        ws.on("framereceived", (f) => {
          const text = String(f.payload);
          if (text.startsWith("43") || text === "3probe" || text.includes("note:created"))
            socketLog.push(`${Date.now() - startedAt} ws got ${text.slice(0, 24)}`);
        });
        ws.on("close", () => socketLog.push(`${Date.now() - startedAt} websocket closed`));
      });
    }
    await throttle(phone.page);
    await phone.page.goto(`${server.url}/p/${event.slug}/b/${boardId}`);
    await phone.page.getByLabel("Your note").waitFor();
    return phone.page;
  };

  if (want("add")) {
    log(`add note: ${taps} taps on the empty board …`);
    let page = await openPhone(emptyBoardId);
    const emptyRun = await traceTaps(page, "add-note-empty", taps, () => addNoteTaps(page, taps, "empty"));
    const empty = emptyRun.result;
    log(`  empty: own p95 ${empty.ownScreenMs.p95} ms, server copy p95 ${empty.serverCopyMs.p95} ms`);
    log(`add note: ${taps} taps on the 500-note board …`);
    await page.context().clearCookies();
    await page.context().addCookies([{ ...(await signedParticipantCookie(event.id, meOnBig, secret)), url: server.url }]);
    page = await openPhone(big.id);
    await page.getByTestId("note").nth(499).waitFor({ state: "attached" });
    const fullRun = await traceTaps(page, "add-note-500", taps, () => addNoteTaps(page, taps, "big"));
    const full = fullRun.result;
    if (profileTaps) {
      result.addNoteTrace = {
        note: "main-thread ms per tap by trace event (nested events overlap: FunctionCall is inside EventDispatch/TimerFire)",
        empty: emptyRun.perTapMs,
        board500: fullRun.perTapMs,
        topSelfMsPerTap: { empty: emptyRun.topSelfMsPerTap, board500: fullRun.topSelfMsPerTap },
      };
      log(`  trace ms per tap, empty: ${JSON.stringify(emptyRun.perTapMs)}`);
      log(`  trace ms per tap, 500:   ${JSON.stringify(fullRun.perTapMs)}`);
    }
    log(`  500: own p95 ${full.ownScreenMs.p95} ms, server copy p95 ${full.serverCopyMs.p95} ms`);
    result.addNote = { empty, board500: full };
    result.add_note_500_vs_empty = {
      ownScreen: ratio(full.ownScreenMs.p95, empty.ownScreenMs.p95),
      serverCopy: ratio(full.serverCopyMs.p95, empty.serverCopyMs.p95),
    };
  }

  if (want("vote")) {
    log(`vote: ${voteTaps} taps on "+" on the 500-note board (rounds of 20 dots) …`);
    const page = await openPhone(big.id);
    await page.getByTestId("note").nth(499).waitFor({ state: "attached" });
    const durations: number[] = [];
    let belowThreshold = 0;
    let round: string | null = null;
    const voteRun = await traceTaps(page, "vote-500", voteTaps, async () => {
      for (let i = 0; i < voteTaps; i++) {
        const slot = i % 20;
        if (slot === 0) {
          if (round) await command(seeded.staff, "vote:close", { roundId: round });
          round =
            (
              await command(seeded.staff, "vote:open", {
                boardId: big.id,
                dotsPerPerson: 20,
                maxPerTarget: 1,
                targets: "notes",
                talliesLive: true,
              })
            ).round?.id ?? null;
          // The new round reached the phone: its first 20 notes show "+" and none of my dots.
          await page.waitForFunction(() => {
            const dots = [...document.querySelectorAll('[data-testid="my-dots"]')].slice(0, 20);
            return dots.length === 20 && dots.every((d) => d.textContent === "0");
          });
        }
        // Found inside the slot's controls: a page-wide role query names ~1,000 buttons (≈ 800 ms of
        // main thread at 4×), harness work kept out of the measured taps' way.
        const plus = await touchPoint(
          page
            .getByTestId("vote-controls")
            .nth(slot)
            .getByRole("button", { name: /^Add a dot to:/ }),
        );
        await settle(page);
        const mark = await page.evaluate(() => performance.now());
        await fingerTap(page, plus);
        await page.getByTestId("vote-controls").nth(slot).getByTestId("my-dots").filter({ hasText: "1" }).waitFor();
        // Event Timing entries arrive after the frame that painted the dot: wait for the next frames.
        await page.evaluate(
          () =>
            new Promise((r) =>
              requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
            ),
        );
        const entries = await page.evaluate(
          (since) =>
            (window as unknown as { __events: { id: number; start: number; duration: number }[] }).__events.filter(
              (e) => e.start >= since,
            ),
          mark,
        );
        if (entries.length === 0) {
          // Every event of the tap took under the 16 ms threshold: count it as 16 (an upper bound).
          belowThreshold++;
          durations.push(16);
        } else durations.push(Math.max(...entries.map((e) => e.duration)));
      }
    });
    if (profileTaps) {
      result.voteTrace = {
        note: "main-thread ms per tap by trace event, rounds opened and closed included (nested events overlap)",
        board500: voteRun.perTapMs,
        topSelfMsPerTap: voteRun.topSelfMsPerTap,
      };
      log(`  trace ms per vote tap: ${JSON.stringify(voteRun.perTapMs)}`);
    }
    result.vote = {
      taps: voteTaps,
      p50Ms: p(durations, 50),
      p95Ms: p(durations, 95),
      maxMs: p(durations, 100),
      tapsUnder16ms: belowThreshold,
      samplesMs: durations,
    };
    result.vote_tap_p95_ms = p(durations, 95);
    log(`  vote tap p95 ${p(durations, 95)} ms (${belowThreshold} under 16 ms)`);
    if (round) await command(seeded.staff, "vote:close", { roundId: round });
  }

  if (want("reconnect")) {
    log(`reconnect: ${reconnects} × ${offlineS} s offline on the 500-note board while the room adds notes …`);
    const page = await openPhone(big.id);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const times: number[] = [];
    const mismatches: number[] = [];
    for (let r = 0; r < reconnects; r++) {
      const expected0 = (await serverNotes(big.id)).length;
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="note"]').length === n, expected0, {
        timeout: 60_000,
      });
      await page.context().setOffline(true);
      await page.waitForFunction(() => navigator.onLine === false);
      // The room goes on: one note every 3 s while this phone is away.
      const until = Date.now() + offlineS * 1000;
      while (Date.now() < until) {
        await addFromOthers(big.id, big.column);
        await new Promise((res) => setTimeout(res, Math.min(3000, Math.max(0, until - Date.now()))));
      }
      const expected = await serverNotes(big.id);
      const t0 = performance.now();
      await page.context().setOffline(false);
      // setOffline(false) clears every network condition: the phone is still on venue Wi-Fi.
      await cdp.send("Network.emulateNetworkConditions", profile.network);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="note"]').length === n, expected.length, {
        polling: "raf",
        timeout: 120_000,
      });
      times.push(performance.now() - t0);
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="note"]')].map((li) => li.textContent ?? ""),
      );
      mismatches.push(expected.filter((t) => !shown.some((s) => s.includes(t))).length);
      log(`  repeat ${r + 1}: ${Math.round(times.at(-1)!)} ms, ${mismatches.at(-1)} of ${expected.length} server notes missing`);
    }
    result.reconnect = {
      repeats: reconnects,
      offlineS,
      p50Ms: p(times, 50),
      p95Ms: p(times, 95),
      maxMs: p(times, 100),
      samplesMs: times.map(round1),
      notesMissingAfter: mismatches,
    };
    result.reconnect_ms_p95 = p(times, 95);
  }
  if (phone) await (phone as { context: BrowserContext }).context.close();

  if (want("wall")) {
    log(`wall: the projector at 1920×1080 on a 300-note board, ${wallRate} notes/s for ${wallS} s …`);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const token = newToken();
    const staff = seeded.staff as Extract<Actor, { kind: "staff" }>;
    await db.transact((tx) =>
      tx
        .insert(accountSessions)
        .values({ tokenHash: hashToken(token), accountId: staff.accountId, expiresAt: Date.now() + 3600_000 }),
    );
    await context.addCookies([{ name: accountSessionCookie, value: token, url: server.url, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(`${server.url}/s/${event.slug}/b/${wall.id}`);
    const before = (await serverNotes(wall.id)).length;
    // As the wall writes a count: "1,300 notes" (the message formats the number for its language, en-GB here).
    const shown = (count: number) => `${count.toLocaleString("en-GB")} notes`;
    await page.getByText(shown(before), { exact: true }).waitFor({ timeout: 60_000 });
    const openLong = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
    const total = wallRate * wallS;
    const t0 = Date.now();
    const sent: Promise<unknown>[] = [];
    let lateMs = 0;
    // Open loop: note k is sent at t0 + k / rate, whatever happened to the ones before.
    for (let k = 0; k < total; k++) {
      const due = t0 + (k * 1000) / wallRate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((res) => setTimeout(res, wait));
      else lateMs = Math.max(lateMs, -wait);
      sent.push(addFromOthers(wall.id, wall.column));
    }
    await Promise.all(sent);
    const sendS = (Date.now() - t0) / 1000;
    await page.getByText(shown(before + total), { exact: true }).waitFor({ timeout: 120_000 });
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
    await context.close();
    result.wall = {
      viewport: "1920x1080",
      notesBefore: before,
      notesAdded: total,
      rate: wallRate,
      seconds: wallS,
      sendSeconds: round1(sendS),
      senderLateMaxMs: round1(lateMs),
      throttled: false,
      longTasksWhileOpening: { count: openLong.length, longestMs: round1(Math.max(0, ...openLong)) },
      longTasks: {
        count: long.length,
        longestMs: round1(Math.max(0, ...long)),
        totalMs: round1(long.reduce((a, b) => a + b, 0)),
      },
    };
    result.wall_long_tasks = { count: long.length, longestMs: round1(Math.max(0, ...long)) };
    log(`  wall: ${long.length} long tasks, longest ${round1(Math.max(0, ...long))} ms`);
  }
  await server.close();

  const loadAfter = loadavg();
  const full = {
    goals: {
      lcp_vs_bare: "≤ 1.2",
      join_lcp_ms: "≤ 1500",
      add_note_500_vs_empty: "≤ 1.2",
      vote_tap_p95_ms: "≤ 100",
      wall_long_tasks: "0 over 50 ms",
      reconnect_ms_p95: "≤ 1000",
    },
    ...result,
    profile: {
      cpuSlowdown: profile.cpuSlowdown,
      downKbps: 1600,
      upKbps: 750,
      latencyMs: profile.network.latency,
      viewport: "390x844",
      projector: "1920x1080, not throttled",
    },
    options: { taps, voteTaps, loads, reconnects, offlineS, wallS, wallRate },
    phoneSocketLog: socketLog,
    machine: { cpus: cpus().length, loadBefore: loadBefore.map(round1), loadAfter: loadAfter.map(round1) },
    browser: browser.version(),
    durationS: Math.round((Date.now() - startedAt) / 1000),
    at: new Date().toISOString(),
  };
  writeFileSync(out, `${JSON.stringify(full, null, 2)}\n`);
  console.log(JSON.stringify({ ...result, machine: full.machine }, (k, v) => (k === "samplesMs" ? undefined : v), 2));
  log(`wrote ${out}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
  // The phases that finished are still worth keeping: written beside the error.
  if (Object.keys(result).length > 0) {
    writeFileSync(out, `${JSON.stringify({ error: String(error), ...result, at: new Date().toISOString() }, null, 2)}\n`);
    log(`wrote the finished phases to ${out}`);
  }
} finally {
  await browser?.close();
  bare?.kill();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
