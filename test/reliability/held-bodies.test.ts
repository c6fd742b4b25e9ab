/**
 * Posts that never finish can't take the process's memory (issue: nobody can take the room
 * down). Each connection declares a body, sends all but its last 1,000 bytes and stops, as an
 * attacker holding memory does. On a real server process with a small body budget: past the
 * budget further posts are refused at once (503, Retry-After, a message), one person's are
 * refused past their few (429), a normal request still answers, the process's memory grows by
 * no more than the budget, and a body that stops arriving is cut off and its room given back.
 * Outcomes are asserted, never timings: each step waits until every connection is accounted for.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { type AppProcess, startAppProcess } from "../integration/support/app-process";
import { participantCookie } from "../integration/support/clients";
import { addParticipant, createAccount, createTestEvent } from "../integration/support/fixtures";
import { report } from "./support/report";

const metricsToken = "held-bodies-metrics-token";
const mb = 1024 * 1024;
const budget = { totalBytes: 8 * mb, reserveBytes: mb, smallBytes: 64 * 1024, perAddress: 1000, perPerson: 4 };

/** One post: its head and the start of a body declared `declared` long; `send` sends more of it. */
type Post = { socket: Socket; answer: () => string; closed: () => boolean; send: (upTo: number) => void; finish: () => void };
const filler = Buffer.alloc(mb, 0x61);

function post(app: AppProcess, options: { declared: number; cookie?: string }): Post {
  const socket = connect(app.port, "127.0.0.1");
  let answer = "";
  let closed = false;
  socket.on("data", (chunk) => {
    answer += chunk.toString("latin1");
  });
  socket.on("error", () => {});
  socket.on("close", () => {
    closed = true;
  });
  const opening = '--xx\r\nContent-Disposition: form-data; name="f"\r\n\r\n';
  const closing = "\r\n--xx--\r\n";
  socket.write(
    [
      "POST /j/ABC123 HTTP/1.1",
      `Host: 127.0.0.1:${app.port}`,
      `Origin: http://127.0.0.1:${app.port}`,
      ...(options.cookie ? [`Cookie: ${options.cookie}`] : []),
      "Content-Type: multipart/form-data; boundary=xx",
      `Content-Length: ${options.declared}`,
      "",
      opening,
    ].join("\r\n"),
  );
  let written = opening.length;
  const send = (upTo: number) => {
    const end = Math.min(upTo, options.declared - closing.length);
    while (written < end) {
      const n = Math.min(filler.length, end - written);
      socket.write(filler.subarray(0, n));
      written += n;
    }
  };
  return {
    socket,
    answer: () => answer,
    closed: () => closed,
    send,
    finish: () => {
      send(options.declared);
      socket.write(closing);
    },
  };
}

const statusOf = (p: Post) => Number(/^HTTP\/1\.1 (\d{3})/.exec(p.answer())?.[1] ?? 0);

async function metric(app: AppProcess, name: string) {
  const text = await (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);
}

/** Waits until `done` holds (checked every 100 ms), for at most a generous while on a busy machine. */
async function until(done: () => Promise<boolean> | boolean, what: string) {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every post either answered or counted by the server as arriving. */
const accountedFor = (app: AppProcess, posts: Post[]) => async () =>
  posts.filter((p) => statusOf(p) > 0).length + (await metric(app, "madein_request_bodies_arriving")) === posts.length;

const residentMb = (app: AppProcess) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

let dir: string;
let db: Database;
let held: AppProcess;
let quick: AppProcess;
const open: Post[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "madein-held-"));
  const url = `file:${join(dir, "madein.db")}`;
  const extra = { METRICS_TOKEN: metricsToken, APP_BODY_LIMITS: JSON.stringify(budget) };
  // Bodies held for the whole test: no pace rule to end them first.
  held = await startAppProcess({
    DATABASE_URL: url,
    name: "held",
    extra: { ...extra, APP_BODY_PACE: JSON.stringify({ graceMs: 3_600_000, windowMs: 3_600_000, minBytesPerSecond: 1 }) },
  });
  // A pace a stopped sender fails quickly.
  quick = await startAppProcess({
    DATABASE_URL: url,
    name: "quick",
    extra: { ...extra, APP_BODY_PACE: JSON.stringify({ graceMs: 300, windowMs: 500, minBytesPerSecond: 10_000 }) },
  });
  db = await openDatabase(url);
}, 120_000);
afterAll(async () => {
  for (const p of open) p.socket.destroy();
  db?.close();
  await Promise.all([held?.kill(), quick?.kill()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("unfinished posts", () => {
  it("are held only up to the budget: the rest are refused at once, and the room still answers", async () => {
    await fetch(`${held.url}/healthz`);
    const before = residentMb(held);
    // 120 strangers' posts of just under their 1 MB limit: 120 MB offered to an 8 MB budget. Each
    // held one then sends all but its last 1,000 bytes and stops.
    const strangers = Array.from({ length: 120 }, () => post(held, { declared: 1_000_000 }));
    open.push(...strangers);
    await until(accountedFor(held, strangers), "every stranger's post answered or held");
    const holding = strangers.filter((p) => statusOf(p) === 0);
    const refused = strangers.filter((p) => statusOf(p) === 503);
    for (const p of holding) p.send(999_000);
    // Everything they sent is in the server, kept (bytesRead counts the head too).
    await until(
      async () => (await metric(held, "madein_request_body_bytes_received")) >= holding.length * 990_000,
      "the held posts' bytes received",
    );
    // 7 MB for large bodies: the last MB is kept for forms without files.
    expect(holding.length).toBe(7);
    expect(refused.length).toBe(113);
    expect(refused[0]?.answer()).toMatch(/retry-after: 30/i);
    expect(refused[0]?.answer()).toContain("Made In is receiving a lot at once");
    expect(await metric(held, "madein_request_body_bytes")).toBeLessThanOrEqual(budget.totalBytes);
    const grownMb = residentMb(held) - before;

    // A form without files still gets in (pages are off here: it reaches the app, which has no page for it).
    const small = post(held, { declared: 2_000 });
    open.push(small);
    small.finish();
    await until(() => statusOf(small) > 0, "the small form answered");
    expect(statusOf(small)).toBe(404);
    expect((await fetch(`${held.url}/healthz`)).status).toBe(200);

    // One person's posts: a few at once, then refused until theirs arrive.
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const cookie = participantCookie(event.id, await addParticipant(db, event.id));
    const theirs = Array.from({ length: 6 }, () => post(held, { declared: 20_000, cookie }));
    open.push(...theirs);
    await until(accountedFor(held, [...holding, ...theirs]), "every one of the person's posts answered or held");
    expect(theirs.filter((p) => statusOf(p) === 0).length).toBe(4);
    expect(theirs.filter((p) => statusOf(p) === 429).map((p) => p.answer())).toEqual([
      expect.stringContaining("You're already sending several things"),
      expect.stringContaining("You're already sending several things"),
    ]);

    // A held post that finishes gives its room back: a stranger's large post gets in again.
    const first = holding[0] as Post;
    first.finish();
    await until(() => statusOf(first) > 0, "the finished post answered");
    const again = post(held, { declared: 1_000_000 });
    open.push(again);
    await until(accountedFor(held, [...holding, ...theirs.filter((p) => statusOf(p) === 0), again]), "the new post");
    expect(statusOf(again)).toBe(0);

    const line = report(
      "held-bodies",
      { offeredMb: 120, held: holding.length, refused: refused.length, grownMb: grownMb.toFixed(0) },
      grownMb < 64,
    );
    // Without a budget the process kept every one of the 120 MB; now it keeps about the 8 MB budget.
    expect(grownMb, line).toBeLessThan(64);
  });

  it("are cut off when they stop arriving, with a message, and their room given back", async () => {
    const stopped = post(quick, { declared: 500_000 });
    open.push(stopped);
    stopped.send(400_000);
    await until(() => stopped.closed(), "the stopped post cut off");
    expect(statusOf(stopped)).toBe(408);
    expect(stopped.answer()).toContain("This was arriving too slowly");
    await until(async () => (await metric(quick, "madein_request_body_bytes")) === 0, "its bytes given back");
    expect(await metric(quick, "madein_request_bodies_arriving")).toBe(0);
  });
});
