import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientsFor, collect, nextEvent, ok, participantCookie, staffCookie } from "./support/clients";
import { addBoard, addParticipant, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  t = await startTestServer();
  clients = clientsFor(t.url);
});
afterEach(() => clients.closeAll());
afterAll(() => t.dispose());

describe("a page that connects after a change it was drawn without", () => {
  it("is told, on its first connect, what changed since the server drew it; a page drawn after it is told nothing", async () => {
    const organiser = await createAccount(t.server.db, "Organiser");
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const phone = participantCookie(event.id, await addParticipant(t.server.db, event.id, "Amara"));
    const drawnAt = Date.now();
    t.server.realtime.eventDetailsChanged(event.id, "agenda");
    t.server.realtime.briefReframed(event.id, "brief-1");

    const late = clients.socket({ eventId: event.id, cookie: phone, auth: { drawnAt } });
    const missed = await nextEvent(late, "page:missed-changes");
    expect(missed).toEqual({ details: ["agenda"], languages: false, briefs: ["brief-1"], news: true, own: [] });

    // A page drawn long after the change (past the margin) has nothing to catch up with.
    const fresh = clients.socket({ eventId: event.id, cookie: phone, auth: { drawnAt: Date.now() + 60_000 } });
    const heard = collect(fresh, "page:missed-changes");
    // A page that sends no time (a tool, an old page) is told nothing either.
    const untimed = clients.socket({ eventId: event.id, cookie: phone });
    const heardUntimed = collect(untimed, "page:missed-changes");
    await ok(fresh, "event:time", {});
    await ok(untimed, "event:time", {});
    expect(heard).toEqual([]);
    expect(heardUntimed).toEqual([]);
  });

  it("tells a staff page of a command run before it connected, and ignores a time that is not a number", async () => {
    const organiser = await createAccount(t.server.db, "Organiser");
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const board = await addBoard(t.server.db, event.id);
    const phone = await clients.connect({
      eventId: event.id,
      cookie: participantCookie(event.id, await addParticipant(t.server.db, event.id, "Ben")),
    });
    const drawnAt = Date.now();
    await ok(phone, "note:create", { boardId: board, column: "ideas", text: "A café in the park" });
    const review = clients.socket({ eventId: event.id, cookie: staffCookie(organiser.sessionToken), auth: { drawnAt } });
    expect(await nextEvent(review, "page:missed-changes")).toEqual({
      details: [],
      languages: false,
      briefs: [],
      news: true,
      own: [],
    });

    const odd = await clients.connect({
      eventId: event.id,
      cookie: staffCookie(organiser.sessionToken),
      auth: { drawnAt: "yesterday" },
    });
    const heard = collect(odd, "page:missed-changes");
    await ok(odd, "event:time", {});
    expect(odd.connected).toBe(true);
    expect(heard).toEqual([]);
  });

  it("keeps the privacy settings, which only staff pages draw, to the staff: live and missed", async () => {
    const organiser = await createAccount(t.server.db, "Organiser");
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const phoneCookie = participantCookie(event.id, await addParticipant(t.server.db, event.id, "Cy"));
    const phone = await clients.connect({ eventId: event.id, cookie: phoneCookie });
    const editor = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const heardByPhone = collect(phone, "event:details-changed");
    const drawnAt = Date.now();
    const told = nextEvent(editor, "event:details-changed");
    t.server.realtime.eventDetailsChanged(event.id, "privacy");
    expect(await told).toEqual({ what: "privacy" });
    await ok(phone, "event:time", {});
    expect(heardByPhone).toEqual([]);

    const latePhone = clients.socket({ eventId: event.id, cookie: phoneCookie, auth: { drawnAt } });
    expect(await nextEvent(latePhone, "page:missed-changes")).toEqual({
      details: [],
      languages: false,
      briefs: [],
      news: true,
      own: [],
    });
    const lateEditor = clients.socket({ eventId: event.id, cookie: staffCookie(organiser.sessionToken), auth: { drawnAt } });
    expect((await nextEvent(lateEditor, "page:missed-changes")).details).toEqual(["privacy"]);
  });

  it("tells a participant's page what happened to them meanwhile (a device signed out), and no one else's", async () => {
    const organiser = await createAccount(t.server.db, "Organiser");
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const amara = await addParticipant(t.server.db, event.id, "Amara");
    const ben = await addParticipant(t.server.db, event.id, "Ben");
    const drawnAt = Date.now();
    t.server.realtime.devicesChanged(amara);
    const mine = clients.socket({ eventId: event.id, cookie: participantCookie(event.id, amara), auth: { drawnAt } });
    expect(await nextEvent(mine, "page:missed-changes")).toEqual({
      details: [],
      languages: false,
      briefs: [],
      news: false,
      own: ["devices:changed"],
    });
    const theirs = clients.socket({ eventId: event.id, cookie: participantCookie(event.id, ben), auth: { drawnAt } });
    const heard = collect(theirs, "page:missed-changes");
    await ok(theirs, "event:time", {});
    expect(heard).toEqual([]);
  });

  it("a screen back after longer than socket.io resumes is told what changed while it was away, by how long it was away", async () => {
    const organiser = await createAccount(t.server.db, "Organiser");
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const screen = staffCookie(organiser.sessionToken);
    // The projector's laptop slept over lunch; meanwhile the join code was changed.
    t.server.realtime.eventDetailsChanged(event.id, "join-code");
    const back = clients.socket({ eventId: event.id, cookie: screen, auth: { awayMs: 3 * 60_000 } });
    expect((await nextEvent(back, "page:missed-changes")).details).toEqual(["join-code"]);
    // A nonsense absence is ignored, not refused: the screen connects and is told nothing.
    const brief = clients.socket({ eventId: event.id, cookie: screen, auth: { awayMs: -5 } });
    const heard = collect(brief, "page:missed-changes");
    await ok(brief, "event:time", {});
    expect(heard).toEqual([]);
  });
});
