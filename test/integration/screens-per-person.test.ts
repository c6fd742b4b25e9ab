import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { screensPerPerson } from "@/lib/realtime/contract";
import { clientsFor, connectError, connected, ok, participantCookie, staffCookie } from "./support/clients";
import { addParticipant, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  t = await startTestServer();
  clients = clientsFor(t.url);
});
afterEach(() => clients.closeAll());
afterAll(() => t.dispose());

describe("screens one person may hold open", () => {
  it("refuses a person's screens past the cap, even all at once, and never anyone else's; a closed one makes room", async () => {
    const organiser = await createAccount(t.server.db, "Organiser");
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const flooder = participantCookie(event.id, await addParticipant(t.server.db, event.id, "Flooder"));

    // Everything at once: the cap holds however the handshakes interleave.
    const attempts = Array.from({ length: screensPerPerson + 5 }, () => clients.socket({ eventId: event.id, cookie: flooder }));
    const outcomes = await Promise.all(
      attempts.map((s) =>
        connected(s).then(
          () => "open",
          (e: Error) => e.message,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "open")).toHaveLength(screensPerPerson);
    expect(outcomes.filter((o) => o !== "open")).toEqual(Array(5).fill("connect_error: too_many_screens"));

    // Someone else in the room, and staff, connect and work as usual.
    const amira = await clients.connect({
      eventId: event.id,
      cookie: participantCookie(event.id, await addParticipant(t.server.db, event.id, "Amira")),
    });
    await ok(amira, "event:snapshot", {});
    await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });

    // One of the person's screens closes: the next one gets in, and the one after is refused again.
    const open = attempts.filter((s) => s.connected);
    open[0]?.disconnect();
    await expect
      .poll(async () => {
        const s = clients.socket({ eventId: event.id, cookie: flooder });
        return connected(s).then(
          () => "open",
          () => {
            s.disconnect();
            return "refused";
          },
        );
      })
      .toBe("open");
    expect((await connectError(clients.socket({ eventId: event.id, cookie: flooder }))).message).toBe("too_many_screens");
  });
});
