/**
 * How a phone copes with a big board: 500 notes, a 390×844 viewport, real Chromium, the
 * production build. Prints and writes bench/results/board-500.json:
 * - add-note latency (tap → the server's copy on screen), median and worst of 10;
 * - the longest main-thread task while adding and while scrolling the whole board;
 * - how many note elements React re-created per added note (0 means only the new one was drawn).
 * Run `npm run build` first, then `npx tsx bench/board-500.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { notes } from "@/db/schema";
import { participantCookieName } from "@/lib/auth/cookies";
import { sign } from "@/lib/auth/tokens";
import { insertBoard } from "@/lib/boards/create-board";
import { createEvent } from "@/lib/events/create-event";
import { joinEvent } from "@/lib/participants/join-event";
import { startServer } from "@/lib/server/start-server";
import { chromiumArgs, chromiumExecutable } from "../e2e/support/browser";

// `--notes N` compares a board of another size (e.g. 0 for the baseline).
const noteCount = Number(process.argv[process.argv.indexOf("--notes") + 1]) || (process.argv.includes("--notes") ? 0 : 500);
const dir = mkdtempSync(join(tmpdir(), "madein-bench-"));
const secret = "bench-secret-0123456789abcdef0123456789";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const server = await startServer({
  env: { DATABASE_URL: `file:${join(dir, "bench.db")}`, PORT: 0, HOST: "127.0.0.1", SESSION_SECRET: secret },
  pages: { dev: false },
  log: () => {},
});
const db = server.db;
const { randomUUID } = await import("node:crypto");
const { accounts } = await import("@/db/schema");
const accountId = randomUUID();
await db.transact((tx) =>
  tx.insert(accounts).values({ id: accountId, email: `${accountId}@bench.test`, name: "Bench", passwordHash: "x" }),
);
const event = await db.transact((tx) => createEvent(tx, { name: "Bench weekend", createdBy: accountId, status: "published" }));
const board = await db.transact((tx) =>
  insertBoard(tx, { eventId: event.id, teamId: null, title: "Big board", template: "journey" }),
);
const me = await db.transact((tx) => joinEvent(tx, { eventId: event.id, displayName: "Bench phone" }));
await db.transact(async (tx) => {
  for (let i = 0; i < noteCount; i++) {
    await tx.insert(notes).values({
      id: randomUUID(),
      boardId: board.id,
      column: board.columns[i % 2]?.key ?? "magic-moments",
      text: `Idea number ${i}: ${"a longer thought about the park, ".repeat(1 + (i % 4))}`,
      position: i,
      authorParticipantId: me.participantId,
    });
  }
});

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
await context.addCookies([{ name: participantCookieName(event.id), value: sign(me.participantId, secret), url: server.url }]);
const page = await context.newPage();
await page.addInitScript(() => {
  const w = window as unknown as { __longest: number; __created: number };
  w.__longest = 0;
  w.__created = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) if (n instanceof HTMLElement && n.matches?.('[data-testid="note"]')) w.__created++;
  }).observe(document, { childList: true, subtree: true });
});
const openStart = Date.now();
await page.goto(`${server.url}/p/${event.slug}/b/${board.id}`);
if (noteCount > 0)
  await page
    .getByTestId("note")
    .nth(noteCount - 1)
    .waitFor({ state: "attached" });
else await page.getByLabel("Your note").waitFor();
const openMs = Date.now() - openStart;

const reset = () => page.evaluate(() => Object.assign(window, { __longest: 0, __created: 0 }));
const read = () =>
  page.evaluate(() => {
    const w = window as unknown as { __longest: number; __created: number };
    return { longest: w.__longest, created: w.__created };
  });

await reset();
const latencies: number[] = [];
let created = 0;
for (let i = 0; i < 10; i++) {
  const text = `Bench note ${i}`;
  await page.getByLabel("Your note").fill(text);
  const t0 = Date.now();
  await page.getByRole("button", { name: /^Add note/ }).click();
  await page.getByTestId("note").filter({ hasText: text }).waitFor({ state: "attached" });
  latencies.push(Date.now() - t0);
  created += (await read()).created;
  await page.evaluate(() => Object.assign(window, { __created: 0 }));
}
const whileAdding = (await read()).longest;
await reset();
for (let y = 0; y < 40; y++) await page.mouse.wheel(0, 2000);
await page.getByTestId("note").last().scrollIntoViewIfNeeded();
const whileScrolling = (await read()).longest;

latencies.sort((a, b) => a - b);
const result = {
  notes: noteCount,
  viewport: "390x844",
  openBoardMs: openMs,
  addNoteMs: { median: latencies[Math.floor(latencies.length / 2)], worst: latencies.at(-1) },
  longestTaskMs: { whileAdding: Math.round(whileAdding), whileScrolling: Math.round(whileScrolling) },
  noteElementsCreatedPerAdd: created / 10,
  at: new Date().toISOString(),
};
console.table({
  "open board (ms)": result.openBoardMs,
  "add note, median (ms)": result.addNoteMs.median,
  "add note, worst (ms)": result.addNoteMs.worst,
  "longest task adding (ms)": result.longestTaskMs.whileAdding,
  "longest task scrolling (ms)": result.longestTaskMs.whileScrolling,
  "note elements created per add": result.noteElementsCreatedPerAdd,
});
writeFileSync(`bench/results/board-${noteCount}.json`, `${JSON.stringify(result, null, 2)}\n`);
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
