import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deviceStorage } from "@/test/support/device-storage";
import type { Ack } from "../contract";

type Handler = (...args: never[]) => void;

/** socket.io's client as far as EventConnection uses it: the test decides what the server answers. */
class FakeSocket {
  connected = false;
  auth: unknown = {};
  /** What the connection gave socket.io: its handshake is asked of `options.auth` at each connect. */
  options: { auth?: (send: (auth: Record<string, unknown>) => void) => void } = {};
  /** The manager: its heartbeat ("ping"). */
  io = { on: (event: string, handler: Handler) => this.on(`io:${event}`, handler) };
  emitted: { name: string; envelope: { id: string; payload: unknown } }[] = [];
  answer: (name: string) => Promise<Ack<unknown>> = async () => ({ ok: true, result: {} });
  private handlers = new Map<string, Handler[]>();
  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }
  off() {}
  onAny() {}
  offAny() {}
  connect() {
    this.connected = true;
    this.fire("connect");
  }
  disconnect() {
    this.connected = false;
    this.fire("disconnect", "io client disconnect");
  }
  timeout() {
    return {
      emitWithAck: (name: string, envelope: { id: string; payload: unknown }) => {
        this.emitted.push({ name, envelope });
        return this.answer(name);
      },
    };
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }
}

let socket: FakeSocket;
vi.mock("socket.io-client", () => ({
  io: (options: FakeSocket["options"]) => {
    socket.options = options;
    return socket;
  },
}));

let windowListeners: Map<string, () => void>;
let network: { onLine: boolean };
let storage: ReturnType<typeof deviceStorage>;

beforeEach(() => {
  socket = new FakeSocket();
  windowListeners = new Map();
  network = { onLine: true };
  storage = deviceStorage();
  vi.stubGlobal("window", {
    addEventListener: (name: string, listener: () => void) => windowListeners.set(name, listener),
    removeEventListener: () => {},
  });
  vi.stubGlobal("document", { addEventListener: () => {}, removeEventListener: () => {}, visibilityState: "visible" });
  vi.stubGlobal("navigator", network);
  vi.stubGlobal("localStorage", storage);
  vi.stubGlobal("sessionStorage", deviceStorage());
});
afterEach(() => vi.unstubAllGlobals());

const keeper = { eventId: "ev1", person: "AAAAAAAAAAAAAAAA" };

async function open(drawnAt?: number) {
  const { EventConnection } = await import("./connection");
  const connection = new EventConnection(keeper, drawnAt);
  await vi.waitFor(() => expect(connection.status).toBe(network.onLine ? "online" : "offline"));
  return connection;
}

/** What was sent to the server, by command name. */
const sentNames = () => socket.emitted.map((e) => e.name);

describe("a room control (phase, timer, big screen, announcement, vote…)", () => {
  it("pressed offline is refused at once, in words, and never sent when the laptop is back", async () => {
    network.onLine = false;
    const { notConnectedMessage } = await import("./room-controls");
    const connection = await open();
    const timer = connection.send("timer:start", {});
    const announcement = connection.send("announcement:send", { text: "Lunch in the hall" });
    const note = connection.send("note:create", { boardId: "b1", column: "ideas", text: "Shade" });
    expect(await timer.done).toEqual({ ok: false, error: { code: "conflict", message: notConnectedMessage } });
    expect((await announcement.done).ok).toBe(false);
    // Only the note waits for the connection.
    expect(connection.outbox.list().map((c) => c.name)).toEqual(["note:create"]);

    network.onLine = true;
    windowListeners.get("online")?.();
    expect((await note.done).ok).toBe(true);
    expect(sentNames()).toEqual(["note:create"]);
  });

  it("pressed online is sent once, not kept; if its answer never comes the facilitator is told, and it is not sent again", async () => {
    const { unconfirmedMessage } = await import("./room-controls");
    const connection = await open();
    expect((await connection.send("screen:show", { wall: { kind: "teams" }, nudge: false }).done).ok).toBe(true);
    expect(sentNames()).toEqual(["screen:show"]);
    expect(connection.outbox.list()).toEqual([]);

    socket.answer = () => Promise.reject(new Error("operation has timed out"));
    const phase = connection.send("phase:start", { phaseId: "explore" });
    expect(await phase.done).toEqual({ ok: false, error: { code: "conflict", message: unconfirmedMessage } });
    socket.answer = async () => ({ ok: true, result: {} });
    socket.disconnect();
    socket.connect();
    await vi.waitFor(() => expect(connection.status).toBe("online"));
    expect(sentNames()).toEqual(["screen:show", "phase:start"]);
    expect(connection.outbox.list()).toEqual([]);
  });
});

describe("a cheer", () => {
  it("turned away by a busy room is let go, not kept: a note written after it goes at once", async () => {
    socket.answer = async (name) =>
      name === "presentation:react"
        ? { ok: false, error: { code: "rate_limited", message: "The room is very busy: try again in a moment." } }
        : { ok: true, result: {} };
    const connection = await open();
    const cheer = connection.send("presentation:react", { teamId: "t1", kind: "clap", times: 3 });
    expect((await cheer.done).ok).toBe(false);
    const note = connection.send("note:create", { boardId: "b1", column: "ideas", text: "Shade" });
    expect((await note.done).ok).toBe(true);
    expect(sentNames()).toEqual(["presentation:react", "note:create"]);
    expect(connection.outbox.list()).toEqual([]);
  });
});

describe("a refused command", () => {
  it("is dropped when its screen said why at once (a wall's move), and kept to copy when it is a new note", async () => {
    socket.answer = async () => ({ ok: false, error: { code: "conflict", message: "That board is locked." } });
    const connection = await open();
    const move = connection.send("note:move", { noteId: "n1", column: "ideas", beforeNoteId: null }, { dropIfRefused: true });
    expect((await move.done).ok).toBe(false);
    const note = connection.send("note:create", { boardId: "b1", column: "ideas", text: "Shade" });
    expect((await note.done).ok).toBe(false);
    expect(connection.outbox.list().map((c) => [c.name, c.error?.message])).toEqual([["note:create", "That board is locked."]]);
    expect(storage.getItem(`madein.${keeper.eventId}.${keeper.person}.outbox`)).not.toContain("note:move");
  });
});

describe("access ended", () => {
  async function withQueuedNote() {
    network.onLine = false;
    const connection = await open();
    connection.send("note:create", { boardId: "b1", column: "ideas", text: "Typed on the train" });
    expect(connection.outbox.list()).toHaveLength(1);
    return connection;
  }

  it("by removal (from the event, or from its staff) forgets what waited to be sent", async () => {
    const connection = await withQueuedNote();
    socket.fire(
      "access:ended",
      { reason: "removed", message: "You've been taken out of this event by its organisers." },
      () => {},
    );
    expect(connection.outbox.list()).toEqual([]);
    expect(storage.keys().filter((k) => k.includes("outbox"))).toEqual([]);
  });

  it("by a sign-out keeps it, for when they sign in again", async () => {
    const connection = await withQueuedNote();
    socket.fire("access:ended", { reason: "ended", message: "You're no longer signed in to this event." }, () => {});
    expect(connection.outbox.list()).toHaveLength(1);
  });
});

describe("the handshake", () => {
  const handshake = () => {
    let sent: Record<string, unknown> = {};
    socket.options.auth?.((auth) => {
      sent = auth;
    });
    return sent;
  };
  afterEach(() => vi.useRealTimers());

  it("asks first what changed since the page was drawn, and after a connection it could not resume, since it last heard the server", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
    network.onLine = false;
    const connection = await open(990_000);
    expect(handshake()).toMatchObject({ eventId: "ev1", drawnAt: 990_000 });
    expect(handshake()).not.toHaveProperty("awayMs");
    network.onLine = true;
    socket.connect();
    await vi.waitFor(() => expect(connection.status).toBe("online"));
    // Heard the server's heartbeat a minute later; then the laptop slept for five.
    vi.setSystemTime(1_060_000);
    socket.fire("io:ping");
    socket.disconnect();
    vi.setSystemTime(1_360_000);
    expect(handshake()).toEqual({ eventId: "ev1", contractVersion: expect.any(Number), person: keeper.person, awayMs: 300_000 });
  });
});
