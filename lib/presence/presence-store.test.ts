import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { presence } from "@/db/schema";
import { createAccount, createTestEvent, openTempDatabase } from "@/test/integration/support/fixtures";
import { createPresenceStore, presenceTtlMs } from "./presence-store";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let eventId: string;
let otherEventId: string;

beforeEach(async () => {
  temp = await openTempDatabase();
  const organiser = await createAccount(temp.db);
  eventId = (await createTestEvent(temp.db, organiser.accountId, "A")).id;
  otherEventId = (await createTestEvent(temp.db, organiser.accountId, "B")).id;
});
afterEach(() => temp.cleanup());

const connection = (socketId: string, personKey: string, role = "participant", room: string | null = null, event = eventId) => ({
  socketId,
  eventId: event,
  personKey,
  role,
  room,
});

describe("presence store", () => {
  it("counts people, not tabs, split into participants and staff, per event", async () => {
    const store = createPresenceStore(temp.db, "proc-1");
    const now = Date.now();
    await store.enter(connection("s1", "p:1"), now);
    await store.enter(connection("s2", "p:1"), now); // a second tab
    await store.enter(connection("s3", "p:2"), now);
    await store.enter(connection("s4", "a:9", "organiser"), now);
    await store.enter(connection("s5", "p:3", "participant", null, otherEventId), now);

    expect(await store.counts(eventId, now)).toEqual({
      eventId,
      version: 4, // one per arrival: screens fed by two processes keep the newest counts
      people: 3,
      participants: 2,
      staff: 1,
      rooms: {},
    });
    expect(await store.counts(otherEventId, now)).toMatchObject({ people: 1 });
  });

  it("counts distinct people per room as they move, and forgets a tab that leaves", async () => {
    const store = createPresenceStore(temp.db, "proc-1");
    await store.enter(connection("s1", "p:1"));
    await store.enter(connection("s2", "p:1"));
    await store.enter(connection("s3", "p:2"));
    await store.moveTo("s1", "board:x");
    await store.moveTo("s2", "board:x");
    await store.moveTo("s3", "board:y");
    expect((await store.counts(eventId)).rooms).toEqual({ "board:x": 1, "board:y": 1 });

    await store.moveTo("s3", "board:x");
    expect((await store.counts(eventId)).rooms).toEqual({ "board:x": 2 });

    await store.leave("s1");
    expect(await store.counts(eventId)).toMatchObject({ people: 2, rooms: { "board:x": 2 } });
    await store.leave("s2");
    expect(await store.counts(eventId)).toMatchObject({ people: 1, rooms: { "board:x": 1 } });
  });

  it("ignores a connection entering twice (a recovered socket keeps its id)", async () => {
    const store = createPresenceStore(temp.db, "proc-1");
    await store.enter(connection("s1", "p:1", "participant", "board:x"));
    await store.enter(connection("s1", "p:1"));
    expect(await temp.db.read.select().from(presence)).toHaveLength(1);
  });

  it("expires the connections of a process that stopped heart-beating, and keeps its own", async () => {
    const alive = createPresenceStore(temp.db, "alive");
    const dead = createPresenceStore(temp.db, "dead");
    const start = Date.now();
    await alive.enter(connection("a1", "p:1"), start);
    await dead.enter(connection("d1", "p:2"), start);
    expect((await alive.counts(eventId, start)).people).toBe(2);

    const later = start + presenceTtlMs + 1000;
    // Not yet deleted, but no longer counted: a dead process's rows stop counting on their own.
    expect((await alive.counts(eventId, later)).people).toBe(0);
    const before = (await alive.counts(eventId, later)).version;
    expect(await alive.heartbeat(later)).toEqual([eventId]); // its screens are told
    expect((await alive.counts(eventId, later)).people).toBe(1);
    expect((await alive.counts(eventId, later)).version).toBeGreaterThan(before);
    expect((await temp.db.read.select().from(presence)).map((r) => r.socketId)).toEqual(["a1"]);
  });

  it("keeps a connection recovered on another process when the first one's leave comes late", async () => {
    const a = createPresenceStore(temp.db, "a");
    const b = createPresenceStore(temp.db, "b");
    await a.enter(connection("s1", "p:1", "participant", "board:x"));
    await b.enter(connection("s1", "p:1", "participant", "board:x")); // recovered on b, same id
    await a.leave("s1"); // a notices the disconnect after b took it over
    expect(await temp.db.read.select().from(presence)).toMatchObject([{ socketId: "s1", processId: "b", room: "board:x" }]);
    await b.leave("s1");
    expect(await temp.db.read.select().from(presence)).toEqual([]);
  });

  it("forgets only its own process's connections on shutdown", async () => {
    const one = createPresenceStore(temp.db, "one");
    const two = createPresenceStore(temp.db, "two");
    await one.enter(connection("s1", "p:1"));
    await two.enter(connection("s2", "p:2"));
    await one.forgetProcess();
    expect((await temp.db.read.select().from(presence)).map((r) => r.socketId)).toEqual(["s2"]);
  });
});
