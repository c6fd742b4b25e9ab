import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fanoutPolicy } from "@/lib/realtime/fanout-policy";
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

describe("news that the event's record changed (what the organisers' review follows)", () => {
  it("reaches the staff's screens, never a phone, and a burst of writes is told a few times, not once per write", async () => {
    const organiser = await createAccount(t.server.db, "Organiser");
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const board = await addBoard(t.server.db, event.id);
    const review = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const phones = await Promise.all(
      ["Amara", "Ben", "Cy"].map(async (name) =>
        clients.connect({
          eventId: event.id,
          cookie: participantCookie(event.id, await addParticipant(t.server.db, event.id, name)),
        }),
      ),
    );
    const heardByPhones = phones.map((p) => collect(p, "event:record-changed"));

    // One note: the review hears of it.
    const first = nextEvent(review, "event:record-changed");
    await ok(phones[0]!, "note:create", { boardId: board, column: "ideas", text: "A café in the park" });
    await first;

    // A busy room: thirty notes from three phones at once.
    const heard = collect(review, "event:record-changed");
    const started = performance.now();
    await Promise.all(
      phones.map(async (p, i) => {
        for (let n = 0; n < 10; n++) await ok(p, "note:create", { boardId: board, column: "ideas", text: `Idea ${i}.${n}` });
      }),
    );
    const elapsed = performance.now() - started;
    // The last of them is told too, at the end of its interval.
    await expect.poll(() => heard.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const atMost = Math.ceil(elapsed / fanoutPolicy.recordIntervalMs) + 2;
    expect(heard.length).toBeLessThanOrEqual(atMost);
    expect(heard.length).toBeLessThan(30);
    // Phones, up to a thousand of them, never hear it.
    expect(heardByPhones.flat()).toEqual([]);
  });
});
