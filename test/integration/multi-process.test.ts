/**
 * Two app processes on one database file and one Redis, as docs/deploy.md describes: phones
 * reach process A through a load balancer (a sticky TCP proxy), the big screen is on process B.
 * Everything a room sees crosses between them; then A is killed with SIGKILL and its phones come
 * back through the balancer to B with nothing lost and nothing doubled.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { notes, votes } from "@/db/schema";
import { presenceCounts } from "@/lib/presence/presence-store";
import { RoomSync } from "@/lib/realtime/client/room-sync";
import { contractVersion } from "@/lib/realtime/constants";
import type { PresenceCounts, TallyView } from "@/lib/realtime/contract";
import { type StickyProxy, startStickyProxy } from "@/lib/scale/sticky-proxy";
import { type AppProcess, startAppProcess } from "./support/app-process";
import {
  clientsFor,
  collect,
  connected,
  disconnected,
  nextEvent,
  participantCookie,
  sendRaw,
  staffCookie,
  type TestSocket,
} from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startRedis, type TestRedis } from "./support/redis-server";

type AckLike = { ok: boolean; result?: unknown; error?: { code: string; message: string }; duplicate?: boolean };

let redis: TestRedis;
let dir: string;
let databaseUrl: string;
let a: AppProcess;
let b: AppProcess;
let proxy: StickyProxy;
let db: Database;
/** Which process the balancer sends new connections to first. */
let preferred = 0;

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), "madein-multi-"));
  databaseUrl = `file:${join(dir, "madein.db")}`;
  // Both start together on a fresh file: the migration lock decides who migrates.
  [a, b] = await Promise.all([
    startAppProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, name: "A" }),
    startAppProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, name: "B" }),
  ]);
  // The balancer prefers A while it lives, then fails over to B, as a health check would.
  proxy = await startStickyProxy({ nodes: [a.port, b.port], pick: () => preferred });
  db = await openDatabase(databaseUrl);
}, 120_000);

afterAll(async () => {
  db?.close();
  await proxy?.close();
  await Promise.all([a?.kill("SIGKILL"), b?.kill()]);
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Sends a command until it is acknowledged, with the same id each time, as the app's outbox does. */
async function deliver(socket: TestSocket, name: string, payload: unknown, id = commandId()): Promise<AckLike> {
  for (let attempt = 0; attempt < 40; attempt++) {
    if (!socket.connected) await connected(socket, 20_000).catch(() => undefined);
    try {
      const ack: AckLike = await sendRaw(socket, name, payload, id, 3000);
      // A process that is shutting down refuses with `internal`: that is a retry, too.
      if (ack.ok || ack.error?.code !== "internal") return ack;
    } catch {
      // No answer (the process died with the command in flight): send it again.
    }
  }
  throw new Error(`${name} was never acknowledged`);
}
async function ok<T>(socket: TestSocket, name: string, payload: unknown): Promise<T> {
  const ack = await deliver(socket, name, payload);
  if (!ack.ok) throw new Error(`${name}: ${ack.error?.message}`);
  return ack.result as T;
}

describe("several processes behind a load balancer, on Redis", () => {
  it("migrated the fresh database exactly once while both processes started together", async () => {
    const applied = await db.read.all<{ n: number }>("SELECT count(*) AS n FROM __drizzle_migrations" as never);
    const { readdirSync } = await import("node:fs");
    const files = readdirSync("db/migrations").filter((f) => f.endsWith(".sql"));
    expect(Number((applied[0] as unknown as { n: number }).n)).toBe(files.length);
  });

  it("a page drawn before a change on A, connecting to B, is told what it missed", { timeout: 60_000 }, async () => {
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const onA = clientsFor(a.url);
    const onB = clientsFor(b.url);
    try {
      const phone = await onA.connect({
        eventId: event.id,
        cookie: participantCookie(event.id, await addParticipant(db, event.id, "Resident")),
      });
      const drawnAt = Date.now();
      await ok(phone, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Hello" });
      // Told to B through Redis, a moment later: a page connecting to B from then on hears of it.
      await expect
        .poll(
          async () => {
            const page = onB.socket({ eventId: event.id, cookie: staffCookie(organiser.sessionToken), auth: { drawnAt } });
            const heard = collect(page, "page:missed-changes");
            await ok(page, "event:time", {});
            page.disconnect();
            return heard[0]?.news ?? false;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
    } finally {
      onA.closeAll();
      onB.closeAll();
    }
  });

  it("a phone cut off from A comes back on B with what it missed (connection-state recovery through Redis)", {
    timeout: 60_000,
  }, async () => {
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const onB = clientsFor(b.url);
    const participantId = await addParticipant(db, event.id, "Resident");
    const url = proxy.url;
    // A slow first retry, so the announcement below is sent while the phone is away.
    const phone: TestSocket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnectionDelay: 1500,
      randomizationFactor: 0,
      auth: { eventId: event.id, contractVersion },
      extraHeaders: { cookie: participantCookie(event.id, participantId), origin: url },
    });
    try {
      await connected(phone);
      expect(proxy.connections[0]).toBeGreaterThan(0);
      // A session is recoverable once the phone holds a position in the stream: its first
      // broadcast (here, B's presence count with the screen in it).
      const counted = nextEvent(phone, "presence:updated", (p) => p.people === 2, 15_000);
      const screen = await onB.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
      await counted;

      preferred = 1;
      const away = disconnected(phone);
      proxy.dropConnections();
      expect(await away).toBe("transport close");
      const heard = nextEvent(phone, "announcement:made", () => true, 15_000);
      await ok(screen, "announcement:send", { text: "Sent while the phone was away" });

      await connected(phone, 15_000);
      expect(phone.recovered).toBe(true); // same session, restored by B from what A left in Redis
      expect((await heard).data.announcement.text).toBe("Sent while the phone was away");
      // Still counted: the recovered connection is B's now, whatever A did with its old row.
      await expect.poll(async () => (await presenceCounts(db.read, event.id)).people, { timeout: 10_000 }).toBe(2);
    } finally {
      preferred = 0;
      phone.disconnect();
      onB.closeAll();
    }
  });

  it("carries notes, votes, presence, the timer and announcements between processes; a killed process loses nothing", {
    timeout: 120_000,
  }, async () => {
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const boardId = event.welcomeBoardId;
    const onA = clientsFor(proxy.url);
    const onB = clientsFor(b.url);
    try {
      const screen = await onB.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
      await ok(screen, "board:open", { boardId });
      const created = collect(screen, "note:created");
      const board = new RoomSync<Set<string>, string>({
        load: async () => {
          const snapshot = await ok<{ seq: number; notes: { text: string }[] }>(screen, "board:open", { boardId });
          return { seq: snapshot.seq, state: new Set(snapshot.notes.map((n) => n.text)) };
        },
        apply: (state, text) => new Set(state).add(text),
        onChange: () => {},
      });
      await board.resync();
      screen.on("note:created", (m) => board.receive(m.seq, m.data.note.text));
      const tallies = collect(screen, "vote:tallied");
      const presence = collect(screen, "presence:updated");

      const phoneIds = await Promise.all([1, 2, 3].map((i) => addParticipant(db, event.id, `Resident ${i}`)));
      const everyoneHere = nextEvent(
        screen,
        "presence:updated",
        (p) => p.participants === 3 && p.rooms[`board:${boardId}`] === 4,
        15_000,
      );
      const phones = await Promise.all(
        phoneIds.map((id) => onA.connect({ eventId: event.id, cookie: participantCookie(event.id, id), reconnection: true })),
      );
      for (const phone of phones) await ok(phone, "board:open", { boardId });
      for (const voter of [screen, ...phones]) await ok(voter, "vote:state", { boardId });
      // Presence: phones entered on A, counted on B's screen.
      await everyoneHere;
      expect(a.output()).not.toMatch(/failed/);

      // Notes: written on A, seen on B.
      const firstNotes = phones.flatMap((phone, p) =>
        [0, 1].map((i) =>
          ok<{ note: { id: string } }>(phone, "note:create", {
            boardId,
            column: event.welcomeColumn,
            text: `Phone ${p} idea ${i}`,
          }),
        ),
      );
      const noteIds = (await Promise.all(firstNotes)).map((r) => r.note.id);
      await expect.poll(() => created.length, { timeout: 10_000 }).toBe(noteIds.length);
      expect(new Set(created.map((c) => c.data.note.id))).toEqual(new Set(noteIds));

      // Votes: opened on B, cast on A and on B at once; the screen's newest tally is the database's.
      const roundChanged = phones.map((phone) => nextEvent(phone, "vote:round-changed", () => true, 10_000));
      const { round } = await ok<{ round: { id: string } }>(screen, "vote:open", {
        boardId,
        dotsPerPerson: 5,
        maxPerTarget: 5,
        talliesLive: true,
      });
      await Promise.all(roundChanged);
      const voterOnB = await onB.connect({
        eventId: event.id,
        cookie: participantCookie(event.id, await addParticipant(db, event.id, "Resident on B")),
      });
      await Promise.all(
        [...phones, voterOnB].flatMap((voter, v) =>
          [0, 1, 2, 3].map((i) => ok(voter, "vote:cast", { roundId: round.id, targetId: noteIds[(v + i) % noteIds.length] })),
        ),
      );
      const dots = (await db.read.select().from(votes).where(eq(votes.roundId, round.id))).length;
      expect(dots).toBe(16);
      const newest = () =>
        tallies
          .filter((t) => t.roundId === round.id)
          .reduce<TallyView | null>((best, t) => (best && best.version > t.version ? best : t), null);
      await expect.poll(() => newest()?.dotsUsed, { timeout: 10_000 }).toBe(16);
      expect(newest()?.voters).toBe(4);

      // Timer and announcement: from the screen's process to the phones' process.
      const timers = phones.map((phone) =>
        nextEvent(phone, "room:changed", (m) => m.data.room.timer.status === "running", 10_000),
      );
      const started = await ok<{ room: { timer: { endsAt: number } } }>(screen, "timer:start", { minutes: 5 });
      for (const t of await Promise.all(timers)) expect(t.data.room.timer.endsAt).toBe(started.room.timer.endsAt);
      const heard = phones.map((phone) => nextEvent(phone, "announcement:made", () => true, 10_000));
      await ok(screen, "announcement:send", { text: "Lunch is in the foyer" });
      for (const h of await Promise.all(heard)) expect(h.data.announcement.text).toBe("Lunch is in the foyer");

      // Kill A mid-burst. Its phones keep typing; the balancer sends them to B.
      const before = presence.at(-1) as PresenceCounts;
      let acked = 0;
      const burst = phones.map(async (phone, p) => {
        for (let i = 0; i < 10; i++) {
          const ack = await deliver(phone, "note:create", {
            boardId,
            column: event.welcomeColumn,
            text: `Phone ${p} burst ${i}`,
          });
          expect(ack.ok).toBe(true);
          acked++;
        }
      });
      await expect.poll(() => acked, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(4);
      await a.kill("SIGKILL");
      await Promise.all(burst);
      expect(acked).toBe(30);

      // Every note exactly once in the database.
      const texts = (await db.read.select({ text: notes.text }).from(notes).where(eq(notes.boardId, boardId))).map((n) => n.text);
      const sent = phones.flatMap((_, p) =>
        [0, 1].map((i) => `Phone ${p} idea ${i}`).concat([...Array(10).keys()].map((i) => `Phone ${p} burst ${i}`)),
      );
      expect(texts.sort()).toEqual(sent.sort());
      // And on the screen, which stayed on B: what it drew, kept the way the app's views keep a
      // room (in sequence; a re-sent number dropped; a gap mended from a fresh snapshot), holds
      // each note once. A retry on B re-sent what A committed but never published.
      await expect.poll(() => board.current?.size, { timeout: 10_000 }).toBe(sent.length);
      expect([...(board.current ?? [])].sort()).toEqual(sent.sort());
      // A number is never given to two different notes, whichever process took it.
      const byNumber = new Map<number, Set<string>>();
      for (const c of created) byNumber.set(c.seq, (byNumber.get(c.seq) ?? new Set()).add(c.data.note.id));
      expect([...byNumber.values()].every((ids) => ids.size === 1)).toBe(true);

      // The phones are on B now, and B's board snapshot is whole.
      for (const phone of phones) {
        expect(phone.connected).toBe(true);
        const snapshot = await ok<{ notes: { text: string }[] }>(phone, "board:open", { boardId });
        expect(snapshot.notes.map((n) => n.text).sort()).toEqual(sent.sort());
      }
      expect(proxy.connections[1]).toBeGreaterThanOrEqual(phones.length);
      // Presence moved with them: still three residents, counted by B, at a newer version.
      await expect
        .poll(() => presence.filter((p) => p.version > before.version && p.participants === 4).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(b.output()).not.toMatch(/failed/);
    } finally {
      onA.closeAll();
      onB.closeAll();
    }
  });
});
