import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { announcements, notes, participants } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import {
  clientsFor,
  collect,
  connectError,
  disconnected,
  nextEvent,
  participantCookie,
  staffCookie,
  type TestSocket,
} from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let otherOrganiser: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let otherEvent: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer();
  organiser = await createAccount(t.server.db, "Organiser");
  otherOrganiser = await createAccount(t.server.db, "Other organiser");
});
afterAll(() => t.dispose());

beforeEach(async () => {
  clients = clientsFor(t.url);
  // A fresh event per test, so sequence numbers start from nothing.
  event = await createTestEvent(t.server.db, organiser.accountId, "Made in Lambeth");
  otherEvent = await createTestEvent(t.server.db, otherOrganiser.accountId, "Our Street");
});
afterEach(() => clients.closeAll());

async function participant(name: string, inEvent = event) {
  const id = await addParticipant(t.server.db, inEvent.id, name);
  const cookie = participantCookie(inEvent.id, id);
  const socket = await clients.connect({ eventId: inEvent.id, cookie });
  return { id, cookie, socket };
}

async function openBoard(socket: TestSocket, boardId = event.welcomeBoardId) {
  const ack = await socket.timeout(5000).emitWithAck("board:open", { id: commandId(), payload: { boardId } });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.result;
}

const noteEnvelope = (text: string, id = commandId()) => ({
  id,
  payload: { boardId: event.welcomeBoardId, column: event.welcomeColumn, text },
});

const notesOnBoard = () => t.server.db.read.select().from(notes).where(eq(notes.boardId, event.welcomeBoardId));

describe("notes", () => {
  it("acks the sender and broadcasts note:created with seq to another client on the board", async () => {
    const writer = await participant("Resident");
    const reader = await participant("Officer");
    expect((await openBoard(reader.socket)).seq).toBe(0);

    const received = nextEvent(reader.socket, "note:created");
    const ack = await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("More benches"));
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.result.note).toMatchObject({ text: "More benches", authorName: "Resident", hidden: false });
    expect(ack.duplicate).toBeUndefined();

    const message = await received;
    // Everyone in the room gets the same note; the author is a per-board pseudonym, not an id.
    expect(message).toEqual({ room: rooms.board(event.welcomeBoardId), seq: 1, data: { note: ack.result.note } });
    expect(JSON.stringify(message)).not.toContain(writer.id);

    const second = nextEvent(reader.socket, "note:created");
    await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("Better lighting"));
    expect((await second).seq).toBe(2);
    expect((await openBoard(reader.socket)).seq).toBe(2);
  });

  it("does not send a board's notes to a client that has not opened it", async () => {
    const writer = await participant("Resident");
    const elsewhere = await participant("Not looking");
    const seen = collect(elsewhere.socket, "note:created");
    await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("Quiet note"));
    // Anything sent to `elsewhere` before this ack would have arrived before it.
    await elsewhere.socket.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} });
    expect(seen).toEqual([]);
  });

  it("answers an invalid note with the field at fault, and broadcasts nothing", async () => {
    const writer = await participant("Resident");
    const reader = await participant("Officer");
    await openBoard(reader.socket);
    const seen = collect(reader.socket, "note:created");

    const ack = await writer.socket.timeout(5000).emitWithAck("note:create", {
      id: commandId(),
      payload: { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "" },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: "invalid", issues: [{ path: "text" }] } });

    const later = nextEvent(reader.socket, "note:created");
    await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("Valid"));
    expect((await later).seq).toBe(1);
    expect(seen.map((m) => m.data.note.text)).toEqual(["Valid"]);
  });

  it("keeps a note's text as everyone reads it: control characters (a NUL) are taken out as it arrives", async () => {
    const writer = await participant("Resident");
    const ack = await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("Bench\u0000es by the\u0007 pond"));
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.result.note.text).toBe("Benches by the pond");
    const [stored] = await notesOnBoard();
    expect(stored?.text).toBe("Benches by the pond");
  });

  it("refuses a note on another event's board as not found", async () => {
    const writer = await participant("Resident");
    const ack = await writer.socket.timeout(5000).emitWithAck("note:create", {
      id: commandId(),
      payload: { boardId: otherEvent.welcomeBoardId, column: otherEvent.welcomeColumn, text: "Sneaky" },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: "not_found" } });
    const open = await writer.socket
      .timeout(5000)
      .emitWithAck("board:open", { id: commandId(), payload: { boardId: otherEvent.welcomeBoardId } });
    expect(open).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("announcements", () => {
  it("refuses a participant's announcement as forbidden; the other client receives nothing", async () => {
    const sneaky = await participant("Resident");
    const other = await participant("Officer");
    const seen = collect(other.socket, "announcement:made");

    const refused = await sneaky.socket
      .timeout(5000)
      .emitWithAck("announcement:send", { id: commandId(), payload: { text: "Free pizza" } });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    // A staff announcement made after the refusal must be the first thing the other client hears.
    const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const real = nextEvent(other.socket, "announcement:made");
    await staff.timeout(5000).emitWithAck("announcement:send", { id: commandId(), payload: { text: "Lunch is ready" } });
    expect(await real).toMatchObject({ seq: 1, data: { announcement: { text: "Lunch is ready" } } });
    expect(seen.map((m) => m.data.announcement.text)).toEqual(["Lunch is ready"]);
    const rows = await t.server.db.read.select().from(announcements).where(eq(announcements.eventId, event.id));
    expect(rows.map((r) => r.text)).toEqual(["Lunch is ready"]);
  });

  it("reaches every client of the event, staff included, and no client of another event", async () => {
    const a = await participant("Resident A");
    const b = await participant("Resident B");
    const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const outsider = await participant("Outsider", otherEvent);
    const outsiderSeen = collect(outsider.socket, "announcement:made");

    const arrivals = [a.socket, b.socket, staff].map((s) => nextEvent(s, "announcement:made"));
    const ack = await staff
      .timeout(5000)
      .emitWithAck("announcement:send", { id: commandId(), payload: { text: "Presentations at 4" } });
    if (!ack.ok) throw new Error(ack.error.message);
    for (const message of await Promise.all(arrivals)) {
      expect(message).toEqual({ room: rooms.event(event.id), seq: 1, data: { announcement: ack.result.announcement } });
    }

    // The other event's own announcement, sent afterwards, must be the first the outsider hears.
    const otherStaff = await clients.connect({ eventId: otherEvent.id, cookie: staffCookie(otherOrganiser.sessionToken) });
    const own = nextEvent(outsider.socket, "announcement:made");
    await otherStaff
      .timeout(5000)
      .emitWithAck("announcement:send", { id: commandId(), payload: { text: "Our Street wraps up" } });
    expect(await own).toMatchObject({ room: rooms.event(otherEvent.id), seq: 1 });
    expect(outsiderSeen.map((m) => m.data.announcement.text)).toEqual(["Our Street wraps up"]);

    const snapshot = await a.socket.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} });
    expect(snapshot).toMatchObject({ ok: true, result: { seq: 1, announcement: { text: "Presentations at 4" } } });
  });
});

describe("retries", () => {
  it("applies a command once when it is resent with the same id after a forced disconnect", async () => {
    const writer = await participant("Resident");
    const reader = await participant("Officer");
    await openBoard(reader.socket);
    const seen = collect(reader.socket, "note:created");

    // The phone sends, the server applies, and the ack is lost with the connection.
    const envelope = noteEnvelope("Typed on the bus");
    const applied = nextEvent(reader.socket, "note:created");
    writer.socket.emit("note:create", envelope, () => {});
    const original = await applied;
    const gone = disconnected(writer.socket);
    writer.socket.disconnect();
    await gone;

    const again = await clients.connect({ eventId: event.id, cookie: writer.cookie });
    const ack = await again.timeout(5000).emitWithAck("note:create", envelope);
    expect(ack).toMatchObject({
      ok: true,
      duplicate: true,
      result: { note: { id: original.data.note.id, text: "Typed on the bus" } },
    });

    // The retry re-sends the first broadcast under its first number (the process that ran it
    // might have died before publishing), so a reader that had it drops it: nothing is doubled.
    const next = nextEvent(reader.socket, "note:created", (m) => m.data.note.text === "After");
    await again.timeout(5000).emitWithAck("note:create", noteEnvelope("After"));
    expect((await next).seq).toBe(2);
    expect(seen.map((m) => [m.seq, m.data.note.text])).toEqual([
      [1, "Typed on the bus"],
      [1, "Typed on the bus"],
      [2, "After"],
    ]);
    expect((await notesOnBoard()).map((n) => n.text).sort()).toEqual(["After", "Typed on the bus"]);
  });

  it("ends with exactly one note when the connection drops while the command is in flight", async () => {
    const writer = await participant("Resident");
    const envelope = noteEnvelope("Maybe sent");
    writer.socket.emit("note:create", envelope, () => {});
    writer.socket.disconnect();

    const again = await clients.connect({ eventId: event.id, cookie: writer.cookie });
    const ack = await again.timeout(5000).emitWithAck("note:create", envelope);
    expect(ack.ok).toBe(true);
    // Either form is right; what matters is that a second send never makes a second note.
    const twice = await again.timeout(5000).emitWithAck("note:create", envelope);
    expect(twice).toMatchObject({ ok: true, duplicate: true });
    expect(await notesOnBoard()).toHaveLength(1);
  });

  it("ten tabs of one person sending the same command at once make one note", async () => {
    const writer = await participant("Resident");
    const tabs = [
      writer.socket,
      ...(await Promise.all(Array.from({ length: 9 }, () => clients.connect({ eventId: event.id, cookie: writer.cookie })))),
    ];
    const envelope = noteEnvelope("Only once");
    const acks = await Promise.all(tabs.map((s) => s.timeout(5000).emitWithAck("note:create", envelope)));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(acks.filter((a) => a.ok && !a.duplicate)).toHaveLength(1);
    expect(new Set(acks.map((a) => a.ok && a.result.note.id)).size).toBe(1);
    expect(await notesOnBoard()).toHaveLength(1);
  });
});

describe("a dropped connection", () => {
  it("recovers its rooms and the messages it missed, without reopening the board", async () => {
    const writer = await participant("Resident");
    const phoneId = await addParticipant(t.server.db, event.id, "Phone on flaky Wi-Fi");
    const phone = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, phoneId), reconnection: true });
    await openBoard(phone);
    // socket.io can only recover a client that has had at least one broadcast (its offset).
    const seen = nextEvent(phone, "note:created");
    await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("Before the drop"));
    expect(await seen).toMatchObject({ seq: 1 });

    // The network drops under the phone (the server loses the transport, the client did not ask).
    const dropped = disconnected(phone);
    t.server.realtime.io.sockets.sockets.get(phone.id!)?.conn.close();
    expect(await dropped).toBe("transport close");
    const missed = await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("While you were away"));
    if (!missed.ok) throw new Error(missed.error.message);

    const replayed = await nextEvent(phone, "note:created");
    expect(phone.recovered).toBe(true);
    expect(replayed).toMatchObject({ seq: 2, data: { note: { id: missed.result.note.id } } });
    const live = nextEvent(phone, "note:created");
    await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("And now"));
    expect(await live).toMatchObject({ seq: 3 });
  });

  /** A phone on the board that has had one broadcast (so it can recover), then loses its transport. */
  async function droppedPhone(name: string) {
    const writer = await participant("Resident");
    const phoneId = await addParticipant(t.server.db, event.id, name);
    const phone = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, phoneId), reconnection: true });
    await openBoard(phone);
    const seen = nextEvent(phone, "note:created");
    await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("Before the drop"));
    await seen;
    const recovery = phone as unknown as { _pid: string; _lastOffset: string };
    const session = { pid: recovery._pid, offset: recovery._lastOffset };
    const dropped = disconnected(phone);
    t.server.realtime.io.sockets.sockets.get(phone.id!)?.conn.close();
    expect(await dropped).toBe("transport close");
    return { writer, phoneId, phone, session };
  }

  it("gives nothing it missed to a person whose access ended while they were away", async () => {
    const { writer, phoneId, phone } = await droppedPhone("Left while offline");
    // Every packet the phone's connection receives, before any handshake answer too.
    const received: unknown[] = [];
    phone.io.on("packet", (packet) => received.push(packet));
    phone.disconnect(); // reconnects below, once the room has moved on without them
    await t.server.db.transact((tx) => tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, phoneId)));
    const missed = await writer.socket.timeout(5000).emitWithAck("note:create", noteEnvelope("Said after they left"));
    expect(missed.ok).toBe(true);

    const refused = connectError(phone, 20_000);
    phone.connect();
    expect((await refused).message).toBe("unauthenticated");
    expect(JSON.stringify(received)).not.toContain("Said after they left");
    expect(phone.recovered).toBe(false);
  });

  it("keeps none of its rooms when another identity takes the connection over", async () => {
    const { session } = await droppedPhone("Phone that changes hands");
    const stranger = await addParticipant(t.server.db, otherEvent.id, "In another event");
    const taken = await clients.connect({
      eventId: otherEvent.id,
      cookie: participantCookie(otherEvent.id, stranger),
      auth: session,
    });
    const onServer = t.server.realtime.io.sockets.sockets.get(taken.id!);
    expect(onServer).toBeDefined();
    expect([...onServer!.rooms]).not.toContain(rooms.board(event.welcomeBoardId));
    expect([...onServer!.rooms]).not.toContain(rooms.event(event.id));
    expect([...onServer!.rooms]).toContain(rooms.event(otherEvent.id));
    expect(taken.recovered).toBe(false);
  });
});

it("logged no failures", () => {
  expect(t.logs).toEqual([]);
});
