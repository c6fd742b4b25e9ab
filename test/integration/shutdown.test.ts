import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { notes } from "@/db/schema";
import type { Ack, CommandResults } from "@/lib/realtime/contract";
import { clientsFor, disconnected, nextEvent, participantCookie, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent, tempDatabaseUrl } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

/** 50 + 10 notes from one writer, then retries: more than a person's limits allow. */
const bulk = { rateLimit: { points: 10_000, seconds: 10 } };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type NoteAck = Ack<CommandResults["note:create"]>;

async function setUp() {
  const temp = tempDatabaseUrl("madein-shutdown-");
  cleanups.push(temp.remove);
  const first = await startTestServer({ databaseUrl: temp.url, ...bulk });
  cleanups.push(() => first.dispose());
  const clients = clientsFor(first.url);
  cleanups.push(() => clients.closeAll());

  const organiser = await createAccount(first.server.db);
  const event = await createTestEvent(first.server.db, organiser.accountId);
  const participantId = await addParticipant(first.server.db, event.id);
  const cookie = participantCookie(event.id, participantId);
  const writer = await clients.connect({ eventId: event.id, cookie });
  const observer = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
  await observer.timeout(5000).emitWithAck("board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });

  const envelopes = (n: number, label: string) =>
    Array.from({ length: n }, (_, i) => ({
      id: commandId(),
      payload: { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: `${label} ${i}` },
    }));
  const send = (socket: TestSocket, batch: ReturnType<typeof envelopes>) =>
    batch.map((e) => socket.timeout(5000).emitWithAck("note:create", e));
  const notesIn = (db: { read: typeof first.server.db.read }) =>
    db.read.select().from(notes).where(eq(notes.boardId, event.welcomeBoardId));

  return { temp, first, event, cookie, writer, observer, envelopes, send, notesIn };
}

const okIds = (acks: PromiseSettledResult<NoteAck>[]) =>
  acks.flatMap((s) => (s.status === "fulfilled" && s.value.ok ? [s.value.result.note.id] : []));

describe("graceful shutdown", () => {
  it("finishes the 50 commands in flight before closing, refuses new ones as retryable, and a new server sees it all", async () => {
    const { temp, first, event, cookie, writer, envelopes, send, notesIn } = await setUp();

    // A long write holds the write queue, so the 50 notes are genuinely in flight: received,
    // authorised, waiting for the database.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const blocker = first.server.db.transact(() => gate);
    const inFlight = envelopes(50, "In flight");
    const inFlightAcks = Promise.allSettled(send(writer, inFlight));
    // Commands on one socket start in order, so once this read answers, all 50 have started.
    expect(await writer.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} })).toMatchObject({
      ok: true,
    });

    const closing = first.server.close();
    const late = envelopes(10, "Late");
    const lateAcks = await Promise.all(send(writer, late));
    expect(lateAcks.map((a) => !a.ok && a.error.code)).toEqual(Array(10).fill("internal"));

    const writerGone = disconnected(writer);
    release();
    await blocker;
    await closing;
    // Not "io server disconnect", after which socket.io clients would give up instead of reconnecting.
    expect(await writerGone).toBe("transport close");

    const acked = okIds(await inFlightAcks);
    expect(acked).toHaveLength(50);

    // Reopened from the file: every acknowledged note is there, and none of the refused ones.
    const reopened = await openDatabase(temp.url);
    const stored = await notesIn(reopened);
    reopened.close();
    expect(stored.map((n) => n.id).sort()).toEqual([...acked].sort());
    expect(stored.some((n) => n.text.startsWith("Late"))).toBe(false);

    // A second server on the same file sees everything, and the room's sequence carries on.
    const second = await startTestServer({ databaseUrl: temp.url, ...bulk });
    cleanups.push(() => second.dispose());
    const clients2 = clientsFor(second.url);
    cleanups.push(() => clients2.closeAll());
    const back = await clients2.connect({ eventId: event.id, cookie });
    const snapshot = await back
      .timeout(5000)
      .emitWithAck("board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.result.notes).toHaveLength(50);
    expect(snapshot.result.seq).toBe(50);

    // The phone retries everything it has no ack for, and, to be safe, what it has: applied once each.
    // (Retries of applied commands re-send their broadcasts under their old numbers; skip those.)
    const next = nextEvent(back, "note:created", (m) => m.seq > 50);
    const retried = await Promise.all(send(back, [...inFlight.slice(0, 5), ...late]));
    expect(retried.slice(0, 5).every((a) => a.ok && a.duplicate)).toBe(true);
    expect(retried.slice(5).every((a) => a.ok && !a.duplicate)).toBe(true);
    expect((await next).seq).toBe(51);
    expect(await notesIn(second.server.db)).toHaveLength(60);
  });

  it("never loses an acknowledged note when commands are still on the wire as the server closes", async () => {
    const { temp, first, writer, observer, envelopes, send, notesIn } = await setUp();
    const batch = envelopes(50, "Note");
    const underway = nextEvent(observer, "note:created");
    const firstHalf = send(writer, batch.slice(0, 25));
    await underway;
    const acks = Promise.allSettled([...firstHalf, ...send(writer, batch.slice(25))]);

    await first.server.close();

    const settled = await acks;
    const acked = okIds(settled);
    expect(acked.length).toBeGreaterThan(0);
    // Whatever was not acknowledged was refused as retryable or lost with the connection.
    for (const s of settled) {
      if (s.status === "fulfilled" && !s.value.ok) expect(s.value.error.code).toBe("internal");
    }
    const reopened = await openDatabase(temp.url);
    const stored = new Set((await notesIn(reopened)).map((n) => n.id));
    reopened.close();
    for (const id of acked) expect(stored.has(id)).toBe(true);
  });

  it("close is idempotent when nobody is connected", async () => {
    const t: TestServer = await startTestServer();
    cleanups.push(() => t.dispose());
    await Promise.all([t.server.close(), t.server.close()]);
    expect(t.logs).toEqual([]);
  });
});
