import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RoomView, Sequenced } from "@/lib/realtime/contract";
import { clientsFor, nextEvent, ok, participantCookie, send, sendRaw, staffCookie, type TestSocket } from "./support/clients";
import { addAgenda as addAgendaTo, addBoard, addParticipant, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer();
  organiser = await createAccount(t.server.db, "Sam, facilitator");
});
afterAll(() => t.dispose());
beforeEach(async () => {
  clients = clientsFor(t.url);
  event = await createTestEvent(t.server.db, organiser.accountId);
});
afterEach(() => clients.closeAll());

const facilitator = () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
async function phone(name: string) {
  const id = await addParticipant(t.server.db, event.id, name);
  return clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) });
}
const roomChanged = (socket: TestSocket, test: (room: RoomView) => boolean = () => true) =>
  nextEvent(socket, "room:changed", (m: Sequenced<"room:changed">) => test(m.data.room));

const addAgenda = (names: string[]) => addAgendaTo(t.server.db, event.id, names);

describe("running the room", () => {
  it("a timer started by a facilitator reaches two phones with the same end time; pause, add a minute, reset", async () => {
    const staff = await facilitator();
    const [amara, ben] = await Promise.all([phone("Amara"), phone("Ben")]);

    const onAmara = roomChanged(amara, (r) => r.timer.status === "running");
    const onBen = roomChanged(ben, (r) => r.timer.status === "running");
    const before = Date.now();
    const started = await ok(staff, "timer:start", { minutes: 10 });
    const [a, b] = await Promise.all([onAmara, onBen]);
    expect(a.data.room.timer.endsAt).toBe(started.room.timer.endsAt);
    expect(b.data.room.timer.endsAt).toBe(started.room.timer.endsAt);
    expect(started.room.timer.endsAt).toBeGreaterThanOrEqual(before + 600_000);
    expect(started.room.timer.endsAt).toBeLessThanOrEqual(Date.now() + 600_000);
    expect(a.data.room.lastChange).toMatchObject({
      what: "timer",
      by: "Sam, facilitator",
      text: "started the timer (10:00)",
      // What each screen says in its own language.
      message: { key: "room.timerStarted", values: { clock: "10:00" } },
    });

    const paused = roomChanged(amara, (r) => r.timer.status === "paused");
    await ok(staff, "timer:pause", {});
    const p = (await paused).data.room.timer;
    expect(p.endsAt).toBeNull();
    expect(p.remainingMs).toBeGreaterThan(590_000);
    expect(p.remainingMs).toBeLessThanOrEqual(600_000);

    const extended = roomChanged(ben, (r) => r.timer.remainingMs === p.remainingMs + 60_000);
    await ok(staff, "timer:extend", {});
    expect((await extended).data.room.timer.status).toBe("paused");

    const reset = roomChanged(ben, (r) => r.timer.status === "idle");
    await ok(staff, "timer:reset", { minutes: 3 });
    expect((await reset).data.room.timer).toEqual({ status: "idle", durationMs: 180_000, endsAt: null, remainingMs: 180_000 });

    // A phone that connects now reads the same timer from its snapshot.
    const late = await phone("Chi");
    const snapshot = await ok(late, "event:snapshot", {});
    expect(snapshot.room.timer.remainingMs).toBe(180_000);
  });

  it("a screen that reads the room again (a reconnect) gets each board's note count as it is now", async () => {
    const amara = await phone("Amara");
    const before = await ok(amara, "event:snapshot", {});
    expect(before.noteCounts).toEqual({});
    for (const text of ["A bench", "A tree", "A fountain"]) {
      await ok(amara, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text });
    }
    expect((await ok(amara, "event:snapshot", {})).noteCounts).toEqual({ [event.welcomeBoardId]: 3 });
  });

  it("refuses participants' screen, timer and phase commands as forbidden, and changes nothing", async () => {
    const staff = await facilitator();
    const mallory = await phone("Mallory");
    for (const [name, payload] of [
      ["screen:show", { wall: { kind: "teams" } }],
      ["timer:start", { minutes: 5 }],
      ["timer:pause", {}],
      ["timer:extend", { seconds: 60 }],
      ["timer:reset", {}],
      ["phase:next", { fromPhaseId: null }],
      ["phase:start", { phaseId: "any" }],
    ] as const) {
      const ack = await send(mallory, name, payload);
      expect(ack, name).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    const snapshot = await ok(staff, "event:snapshot", {});
    expect(snapshot.room.wall).toEqual({ kind: "join" });
    expect(snapshot.room.timer.status).toBe("idle");
    expect(snapshot.room.lastChange).toBeNull();
    // Reading the server's clock is for everyone.
    const time = await ok(mallory, "event:time", {});
    expect(Math.abs(time.now - Date.now())).toBeLessThan(5_000);
  });

  it("moves through the agenda in order, nudges phones, and refuses a stale 'next' from a second facilitator", async () => {
    const [kickoff = "", explore = "", make = ""] = await addAgenda(["Kick-off", "Explore", "Make"]);
    const sam = await facilitator();
    const alex = await facilitator();
    const handset = await phone("Dev");

    const nudged = nextEvent(handset, "room:nudged");
    const first = await ok(sam, "phase:next", { fromPhaseId: null });
    expect(first.room.phase?.id).toBe(kickoff);
    expect((await nudged).data.nudge).toMatchObject({ kind: "phase", title: "Kick-off", boardId: null });

    const second = await ok(alex, "phase:next", { fromPhaseId: kickoff });
    expect(second.room.phase?.name).toBe("Explore");
    // Sam clicked "next" still seeing Kick-off: refused, so Make is not started by accident.
    const stale = await send(sam, "phase:next", { fromPhaseId: kickoff });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(stale.error?.message).toMatch(/moved the room on to Explore/);

    await ok(sam, "phase:next", { fromPhaseId: explore });
    const last = await send(sam, "phase:next", { fromPhaseId: make });
    expect(last).toMatchObject({ ok: false, error: { code: "conflict", message: "This is the last phase of the agenda." } });

    const back = await ok(alex, "phase:start", { phaseId: kickoff });
    expect(back.room.phase?.name).toBe("Kick-off");
    const snapshot = await ok(handset, "event:snapshot", {});
    expect(snapshot.room.phase?.id).toBe(kickoff);
    expect(snapshot.agenda.map((p) => p.name)).toEqual(["Kick-off", "Explore", "Make"]);
    expect((await send(sam, "phase:start", { phaseId: "gone" })).error?.code).toBe("not_found");
  });

  it("switches every big screen's wall, remembers it for a reload, and invites phones to a board", async () => {
    const staff = await facilitator();
    const screen = await facilitator();
    const handset = await phone("Priya");
    const ideas = await addBoard(t.server.db, event.id, "Ideas");

    const onScreen = roomChanged(screen, (r) => r.wall.kind === "board");
    const nudged = nextEvent(handset, "room:nudged");
    await ok(staff, "screen:show", { wall: { kind: "board", boardId: ideas }, nudge: true });
    expect((await onScreen).data.room.wall).toEqual({ kind: "board", boardId: ideas });
    expect((await nudged).data.nudge).toMatchObject({ kind: "board", boardId: ideas, title: "Ideas" });
    // "Ideas" typed on a blank board is the facilitator's word, not a template's: said as typed.
    expect((await nudged).data.nudge).not.toHaveProperty("boardTitleKey");

    const rotating = await ok(staff, "screen:show", { wall: { kind: "rotate" } });
    expect(rotating.room.wall).toMatchObject({ kind: "rotate", startedAt: expect.any(Number) });
    const reloaded = await ok(screen, "event:snapshot", {});
    expect(reloaded.room.wall).toEqual(rotating.room.wall);

    const elsewhere = await send(staff, "screen:show", { wall: { kind: "votes", boardId: "not-in-this-event" } });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: "not_found" } });
    const invalid = await sendRaw(staff, "screen:show", { wall: { kind: "slides" } });
    expect(invalid).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(invalid.error?.message).toMatch(/Choose what the big screen shows/);
    expect(t.logs.filter((l) => l.error)).toEqual([]);
  });

  it("gives a phone that connects after a phase started the nudge, pointing where the big screen sends people", async () => {
    const [, explore] = await addAgenda(["Kick-off", "Explore"]);
    const sam = await facilitator();
    const park = await addBoard(t.server.db, event.id, "Park ideas");
    const early = await phone("Early");
    expect((await ok(early, "event:snapshot", {})).nudge).toBeNull();

    // The board is on the wall when the phase starts: the phase's nudge points there.
    await ok(sam, "screen:show", { wall: { kind: "board", boardId: park }, nudge: false });
    const nudged = nextEvent(early, "room:nudged");
    await ok(sam, "phase:start", { phaseId: explore as string });
    expect((await nudged).data.nudge).toMatchObject({ kind: "phase", title: "Explore", boardId: park, boardTitle: "Park ideas" });

    const late = await phone("Late");
    const snapshot = await ok(late, "event:snapshot", {});
    expect(snapshot.nudge).toMatchObject({
      kind: "phase",
      title: "Explore",
      boardId: park,
      boardTitle: "Park ideas",
      by: "Sam, facilitator",
    });

    // A later invitation to a vote replaces it for latecomers.
    await ok(sam, "screen:show", { wall: { kind: "votes", boardId: park }, nudge: true });
    const later = await ok(await phone("Later"), "event:snapshot", {});
    expect(later.nudge).toMatchObject({ kind: "votes", boardId: park, title: "Park ideas" });
    // Switching the wall without inviting phones leaves the last invitation as it was.
    await ok(sam, "screen:show", { wall: { kind: "teams" }, nudge: true });
    expect((await ok(late, "event:snapshot", {})).nudge?.kind).toBe("votes");
  });
});
