import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { activityLog, announcements } from "@/db/schema";
import type { ActivityEntry, AnnouncementView, RoomView, StaffSnapshot } from "@/lib/realtime/contract";
import { announcementNowMs, whatIsNow } from "@/lib/room/now";
import { clientsFor, collect, nextEvent, ok, participantCookie, send, staffCookie, type TestSocket } from "./support/clients";
import { addAgenda as addAgendaTo, addParticipant, addStaff, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let facilitator: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer({ rateLimit: { points: 100_000, seconds: 1 } });
  organiser = await createAccount(t.server.db, "Olu");
  facilitator = await createAccount(t.server.db, "Sam");
});
afterAll(() => t.dispose());
beforeEach(async () => {
  clients = clientsFor(t.url);
  event = await createTestEvent(t.server.db, organiser.accountId);
  await addStaff(t.server.db, event.id, facilitator.accountId, "facilitator");
});
afterEach(() => {
  vi.restoreAllMocks();
  clients.closeAll();
});

const staff = (who: { sessionToken: string }) => clients.connect({ eventId: event.id, cookie: staffCookie(who.sessionToken) });
async function phone(name: string) {
  const id = await addParticipant(t.server.db, event.id, name);
  return clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) });
}

/** A screen's announcement history as the console keeps it: every `announcement:made` heard, by id. */
function history(socket: TestSocket) {
  const heard = collect(socket, "announcement:made");
  return () => new Map(heard.map((m) => [m.data.announcement.id, m.data.announcement] as const));
}

describe("announcements from two staff at once", () => {
  it("sent in the same millisecond 100 times: all stored, all in every screen's history, each sender sees its own", async () => {
    const [olu, sam, big, amara] = await Promise.all([staff(organiser), staff(facilitator), phone("Big screen"), phone("Amara")]);
    const screens = [olu, sam, big, amara].map(history);
    const rounds = 100;
    const now = vi.spyOn(Date, "now");
    const base = Date.now();
    const sent: { olu: AnnouncementView; sam: AnnouncementView }[] = [];
    for (let i = 0; i < rounds; i++) {
      // Both commands of a round carry the same server time: the same millisecond.
      now.mockReturnValue(base + i);
      const [a, b] = await Promise.all([
        ok(olu, "announcement:send", { text: `Olu ${i}` }),
        ok(sam, "announcement:send", { text: `Sam ${i}` }),
      ]);
      expect(a.announcement.createdAt).toBe(b.announcement.createdAt);
      sent.push({ olu: a.announcement, sam: b.announcement });
    }
    now.mockRestore();

    const stored = await t.server.db.read.select().from(announcements);
    expect(stored.filter((r) => r.eventId === event.id)).toHaveLength(rounds * 2);
    const positions = new Set(stored.filter((r) => r.eventId === event.id).map((r) => r.position));
    expect(positions.size).toBe(rounds * 2);

    // Every screen hears every announcement (waiting for the last ones to land, never a sleep).
    await vi.waitFor(() => {
      for (const seen of screens) expect(seen().size).toBe(rounds * 2);
    }, 15_000);
    for (const { olu: a, sam: b } of sent) {
      for (const seen of screens) {
        expect(seen().get(a.id)?.text).toBe(a.text);
        expect(seen().get(b.id)?.text).toBe(b.text);
      }
    }
    // A screen that connects now loads the latest 20, in the order every screen agrees on.
    const snapshot = await ok(await staff(facilitator), "event:snapshot", {});
    const expected = stored
      .filter((r) => r.eventId === event.id)
      .sort((x, y) => y.position - x.position)
      .slice(0, 20)
      .map((r) => r.id);
    expect(snapshot.announcements.map((a) => a.id)).toEqual(expected);
    expect(snapshot.announcement?.id).toBe(expected[0]);

    // Each sender's log line is in the staff log, signed with their name.
    const log = await t.server.db.read.select().from(activityLog);
    expect(log.filter((l) => l.eventId === event.id && l.kind === "announcement")).toHaveLength(rounds * 2);
  }, 120_000);

  it("an earlier announcement can be shown again, and becomes the latest everywhere", async () => {
    const [olu, amara] = await Promise.all([staff(organiser), phone("Amara")]);
    const first = (await ok(olu, "announcement:send", { text: "Lunch is ready" })).announcement;
    await ok(olu, "announcement:send", { text: "Back in the hall" });
    const heard = nextEvent(amara, "announcement:made", (m) => m.data.announcement.id === first.id);
    const again = (await ok(olu, "announcement:reshow", { announcementId: first.id })).announcement;
    expect((await heard).data.announcement).toEqual(again);
    const snapshot = await ok(amara, "event:snapshot", {});
    expect(snapshot.announcement?.text).toBe("Lunch is ready");
    expect(snapshot.announcements.map((a) => a.text)).toEqual(["Lunch is ready", "Back in the hall"]);
    // A phone cannot.
    const refused = await send(amara, "announcement:reshow", { announcementId: first.id });
    expect(refused.error?.code).toBe("forbidden");
  });

  it("an announcement shown again long after it was sent is news again on phones", async () => {
    const [olu, amara] = await Promise.all([staff(organiser), phone("Amara")]);
    // Sent twenty minutes ago, past the 15 a phone calls news; another since.
    const sentAt = Date.now() - announcementNowMs - 5 * 60_000;
    const lunch = {
      id: randomUUID(),
      eventId: event.id,
      text: "Lunch is ready",
      createdAt: sentAt,
      shownAt: sentAt,
      position: 1,
    };
    await t.server.db.transact((tx) => tx.insert(announcements).values(lunch));
    await ok(olu, "announcement:send", { text: "Back in the hall" });

    const again = (await ok(olu, "announcement:reshow", { announcementId: lunch.id })).announcement;
    expect(again.createdAt).toBe(sentAt);
    expect(again.shownAt).toBeGreaterThan(sentAt + announcementNowMs);
    const snapshot = await ok(amara, "event:snapshot", {});
    // The phone's "now" card, a minute after it went up again.
    expect(whatIsNow({ announcement: snapshot.announcement, nudge: null }, again.shownAt + 60_000).announcement?.text).toBe(
      "Lunch is ready",
    );
  });

  it("staff clear the showing announcement from every screen; it stays in the history and can be shown again", async () => {
    const [olu, amara] = await Promise.all([staff(organiser), phone("Amara")]);
    const shown = (await ok(olu, "announcement:send", { text: "Wrap up in five minutes" })).announcement;
    // A phone may not clear it.
    const refused = await send(amara, "announcement:clear", { announcementId: shown.id });
    expect(refused.error?.code).toBe("forbidden");

    const heard = nextEvent(amara, "announcement:cleared", (m) => m.data.announcementId === shown.id);
    await ok(olu, "announcement:clear", { announcementId: shown.id });
    await heard;
    // A screen that connects now shows no announcement, but the console's history keeps it.
    const after = await ok(await phone("Late"), "event:snapshot", {});
    expect(after.announcement).toBeNull();
    expect(after.announcements[0]?.id).toBe(shown.id);
    // Clearing twice changes nothing; an unknown one is refused with a message.
    await ok(olu, "announcement:clear", { announcementId: shown.id });
    const unknown = await send(olu, "announcement:clear", { announcementId: "no-such-announcement" });
    expect(unknown.error?.message).toBe("That announcement is no longer in this event.");

    // Shown again, it shows everywhere again.
    await ok(olu, "announcement:reshow", { announcementId: shown.id });
    expect((await ok(amara, "event:snapshot", {})).announcement?.id).toBe(shown.id);
    // A new one after a clear shows too.
    await ok(olu, "announcement:clear", { announcementId: shown.id });
    const next = (await ok(olu, "announcement:send", { text: "Dinner at seven" })).announcement;
    expect((await ok(amara, "event:snapshot", {})).announcement?.id).toBe(next.id);
  });
});

const addAgenda = (names: string[]) => addAgendaTo(t.server.db, event.id, names);

describe("two staff changing the room at once", () => {
  it("start different phases at once: every screen converges, and both consoles say who replaced whom", async () => {
    const [explore, ideas] = await addAgenda(["Explore", "Ideas"]);
    const [olu, sam, big, amara] = await Promise.all([staff(organiser), staff(facilitator), phone("Big"), phone("Amara")]);
    const screens = [olu, sam, big, amara];
    const rooms = screens.map((s) => collect(s, "room:changed"));
    const logs = [olu, sam].map((s) => collect(s, "activity:logged"));
    // Both consoles follow the staff room.
    await Promise.all([ok(olu, "staff:snapshot", {}), ok(sam, "staff:snapshot", {})]);

    const [a, b] = await Promise.all([
      ok(olu, "phase:start", { phaseId: explore as string }),
      ok(sam, "phase:start", { phaseId: ideas as string }),
    ]);
    // The one applied second is the room now; it replaced the other.
    const last = a.room.lastChange?.replaced ? a.room : b.room;
    const first = last === a.room ? b.room : a.room;
    expect(first.lastChange?.replaced ?? null).toBeNull();
    expect(last.lastChange?.replaced).toMatchObject({ by: first.lastChange?.by, text: first.lastChange?.text });

    await vi.waitFor(() => {
      for (const heard of rooms) {
        const latest = heard.at(-1)?.data.room as RoomView | undefined;
        expect(latest?.phase?.id).toBe(last.phase?.id);
      }
    }, 10_000);
    for (const heard of rooms) {
      const latest = heard.at(-1)?.data.room as RoomView;
      expect(latest.lastChange).toEqual(last.lastChange);
      expect(latest.lastChange?.replaced?.by).toBe(first.lastChange?.by);
    }
    // Both consoles' activity logs carry both starts, the second saying whose it replaced.
    await vi.waitFor(() => {
      for (const heard of logs) expect(heard.filter((m) => m.data.entry.kind === "phase")).toHaveLength(2);
    }, 10_000);
    for (const heard of logs) {
      const texts = heard.map((m) => `${m.data.entry.by} ${m.data.entry.text}`);
      expect(texts.some((x) => x.includes(`replacing ${first.lastChange?.by}'s change`))).toBe(true);
    }
    // Phones never hear the staff room.
    expect(collect(amara, "activity:logged")).toEqual([]);
  });

  it("a phase replaced with the timer started in between is still said to replace it, and a late 'next phase' names who moved the phase on", async () => {
    const [explore, ideas] = await addAgenda(["Explore", "Ideas"]);
    const [olu, sam] = await Promise.all([staff(organiser), staff(facilitator)]);
    await ok(olu, "phase:start", { phaseId: explore as string });
    await ok(sam, "timer:start", {});
    // Sam's console had not seen Explore start: its "next phase" is refused, naming Olu, not Sam's own timer.
    const late = await send(sam, "phase:next", { fromPhaseId: null });
    expect(late.error?.message).toBe("Olu already moved the room on to Explore.");

    const { room } = await ok(sam, "phase:start", { phaseId: ideas as string });
    expect(room.lastChange?.replaced).toMatchObject({ by: "Olu", text: "started Explore" });
    // A timer paused after it (replacing Sam's start) leaves the phase's notice: each kind says whose it replaced.
    const after = await ok(olu, "timer:pause", {});
    expect(after.room.lastChange).toMatchObject({ what: "timer", by: "Olu", replaced: { by: "Sam" } });
    expect(after.room.changes.phase).toMatchObject({ by: "Sam", replaced: { by: "Olu", text: "started Explore" } });
    expect((await ok(sam, "event:snapshot", {})).room.changes.phase?.replaced?.by).toBe("Olu");
  });

  it("a lead hands over, locks the room controls; the others are refused with a clear message but keep boards", async () => {
    const [explore] = await addAgenda(["Explore"]);
    const [olu, sam] = await Promise.all([staff(organiser), staff(facilitator)]);
    const staffOf = (s: TestSocket) => ok(s, "staff:snapshot", {}) as Promise<StaffSnapshot>;
    expect((await staffOf(olu)).lead).toEqual({ lead: null, controlsLocked: false });

    const heard = nextEvent(olu, "lead:changed", (m) => m.data.lead.lead?.accountId === facilitator.accountId);
    await ok(olu, "lead:hand", { accountId: facilitator.accountId });
    await heard;
    expect((await send(olu, "room:lock", { locked: true })).error?.message).toMatch(/Only the lead/);
    await ok(sam, "room:lock", { locked: true });

    const refused = await send(olu, "phase:start", { phaseId: explore as string });
    expect(refused.error?.code).toBe("forbidden");
    expect(refused.error?.message).toMatch(/Sam leads and has locked the room controls/);
    expect((await send(olu, "screen:show", { wall: { kind: "teams" }, nudge: false })).ok).toBe(false);
    // Boards stay everyone's.
    const locked = await send(olu, "board:update", { boardId: event.welcomeBoardId, locked: true });
    expect(locked.ok).toBe(true);
    // The lead still runs the room.
    await ok(sam, "phase:start", { phaseId: explore as string });
    // Putting the results up is changing the big screen too, the presentations already showing or not.
    await ok(sam, "screen:show", { wall: { kind: "presentations" }, nudge: false });
    const results = await send(olu, "presentation:project", { view: "results" });
    expect(results.error?.code).toBe("forbidden");
    expect((await staffOf(olu)).log.some((e: ActivityEntry) => e.text.includes("results"))).toBe(false);
    await ok(sam, "presentation:project", { view: "results" });

    const snapshot = await staffOf(olu);
    expect(snapshot.lead).toEqual({ lead: { accountId: facilitator.accountId, name: "Sam" }, controlsLocked: true });
    const texts = snapshot.log.map((e: ActivityEntry) => `${e.by} ${e.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Olu handed the lead to Sam",
        "Sam locked the room controls (only the lead changes phases and walls)",
        "Olu locked the board “Welcome wall”",
        "Sam started Explore",
        "Sam put the combined results on the big screen",
      ]),
    );
    // Each line also carries its message, kept in the log, for screens in other languages.
    expect(snapshot.log.find((e: ActivityEntry) => e.text === "handed the lead to Sam")?.message).toEqual({
      key: "lead.handed",
      values: { name: "Sam" },
    });
    // A phone can't read the staff room.
    const p = await phone("Amara");
    expect((await send(p, "staff:snapshot", {})).error?.code).toBe("forbidden");
  });

  it("the lead's lock covers the presenter's steps: another facilitator can't move the presentations on or stop their clock", async () => {
    const [olu, sam] = await Promise.all([staff(organiser), staff(facilitator)]);
    const parks = (await ok(olu, "team:create", { name: "Parks" })).team.id;
    const library = (await ok(olu, "team:create", { name: "Library" })).team.id;
    for (const [name, teamId] of [
      ["Amara", parks],
      ["Kofi", library],
    ] as const)
      await ok(await phone(name), "team:join", { teamId });
    await ok(olu, "presentation:order", { order: [parks, library], presentSeconds: 120, questionsSeconds: 0 });
    await ok(olu, "lead:hand", { accountId: facilitator.accountId });
    await ok(sam, "room:lock", { locked: true });

    // The presentations are the big screen's: while Sam holds the room, Olu's steps change nothing.
    for (const step of ["start", "reset"] as const) {
      const refused = await send(olu, "presentation:step", { step });
      expect(refused.error?.code).toBe("forbidden");
      expect(refused.error?.message).toMatch(/Sam leads and has locked the room controls/);
    }
    expect((await ok(olu, "presentation:state", {})).run.stage).toBe("waiting");
    await ok(sam, "presentation:step", { step: "start" });
    for (const step of ["next", "pause", "finish"] as const) {
      expect((await send(olu, "presentation:step", { step, from: parks })).error?.code).toBe("forbidden");
    }
    const run = (await ok(sam, "presentation:state", {})).run;
    expect({ on: run.currentTeamId, paused: run.pausedAt }).toEqual({ on: parks, paused: null });
    // Unlocked, anyone on staff steps again.
    await ok(sam, "room:lock", { locked: false });
    expect((await ok(olu, "presentation:step", { step: "next", from: parks })).run.currentTeamId).toBe(library);
  });
});
