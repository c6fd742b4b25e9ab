import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { presence } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import { clientsFor, disconnected, nextEvent, participantCookie, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer();
  organiser = await createAccount(t.server.db, "Organiser");
});
afterAll(() => t.dispose());

beforeEach(async () => {
  clients = clientsFor(t.url);
  event = await createTestEvent(t.server.db, organiser.accountId);
});
afterEach(() => clients.closeAll());

const presenceRows = () => t.server.db.read.select().from(presence).where(eq(presence.eventId, event.id));

async function leave(socket: TestSocket) {
  const gone = disconnected(socket);
  socket.disconnect();
  await gone;
}

describe("presence", () => {
  it("counts people as they connect and leave, a person with two tabs once, delivered as presence:updated", async () => {
    const board = rooms.board(event.welcomeBoardId);
    const staff = clients.socket({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    expect(await nextEvent(staff, "presence:updated", (c) => c.people === 1)).toEqual({
      eventId: event.id,
      version: 1,
      people: 1,
      participants: 0,
      staff: 1,
      rooms: {},
    });

    const participantId = await addParticipant(t.server.db, event.id, "Resident");
    const cookie = participantCookie(event.id, participantId);
    const risen = nextEvent(staff, "presence:updated", (c) => c.people === 2);
    const tab1 = await clients.connect({ eventId: event.id, cookie });
    expect(await risen).toMatchObject({ people: 2, participants: 1, staff: 1 });

    // A second tab of the same person goes to a board, so the counts show when its row is in:
    // the person is still counted once.
    const tab2 = await clients.connect({ eventId: event.id, cookie });
    const onBoard = nextEvent(staff, "presence:updated", (c) => c.rooms[board] === 1);
    await tab2.timeout(5000).emitWithAck("board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });
    expect(await onBoard).toEqual({
      eventId: event.id,
      version: expect.any(Number),
      people: 2,
      participants: 1,
      staff: 1,
      rooms: { [board]: 1 },
    });
    expect(await presenceRows()).toHaveLength(3);
    const snapshot = await tab1.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} });
    expect(snapshot).toMatchObject({ ok: true, result: { presence: { people: 2, participants: 1, rooms: { [board]: 1 } } } });

    // The tab on the board closes: the board empties, but the person is still here in tab 1.
    const boardEmptied = nextEvent(staff, "presence:updated", (c) => c.rooms[board] === undefined);
    await leave(tab2);
    expect(await boardEmptied).toEqual({
      eventId: event.id,
      version: expect.any(Number),
      people: 2,
      participants: 1,
      staff: 1,
      rooms: {},
    });
    expect(await presenceRows()).toHaveLength(2);

    // The last tab closes: the count falls.
    const fallen = nextEvent(staff, "presence:updated", (c) => c.people === 1);
    await leave(tab1);
    expect(await fallen).toEqual({
      eventId: event.id,
      version: expect.any(Number),
      people: 1,
      participants: 0,
      staff: 1,
      rooms: {},
    });
  });

  it("keeps each event's counts to itself", async () => {
    const other = await createTestEvent(t.server.db, organiser.accountId, "Our Street");
    const here = clients.socket({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    await nextEvent(here, "presence:updated", (c) => c.people === 1);

    const seenHere: number[] = [];
    here.on("presence:updated", (c) => seenHere.push(c.people));
    const there = clients.socket({ eventId: other.id, cookie: staffCookie(organiser.sessionToken) });
    const thereCounts = await nextEvent(there, "presence:updated");
    expect(thereCounts).toMatchObject({ eventId: other.id, people: 1 });

    // A change in this event after the other one's: anything about `there` would have come first.
    const participantId = await addParticipant(t.server.db, event.id);
    const mine = nextEvent(here, "presence:updated", (c) => c.people === 2);
    await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, participantId) });
    expect(await mine).toMatchObject({ eventId: event.id });
    expect(seenHere).toEqual([2]);
  });

  it("forgets the connections of a socket that is gone", async () => {
    const participantId = await addParticipant(t.server.db, event.id);
    const socket = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, participantId) });
    const observer = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    await nextEvent(observer, "presence:updated", (c) => c.people === 2);
    const fallen = nextEvent(observer, "presence:updated", (c) => c.people === 1);
    await leave(socket);
    await fallen;
    expect((await presenceRows()).map((r) => r.personKey)).toEqual([`a:${organiser.accountId}`]);
  });
});
