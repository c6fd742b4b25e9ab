import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notes } from "@/db/schema";
import { limits } from "@/lib/realtime/contract";
import { clientsFor, connectError, disconnected, participantCookie } from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let cookie: string;

beforeAll(async () => {
  t = await startTestServer({ rateLimit: { points: 5, seconds: 10 } });
  const organiser = await createAccount(t.server.db);
  event = await createTestEvent(t.server.db, organiser.accountId);
});
afterAll(() => t.dispose());

beforeEach(async () => {
  clients = clientsFor(t.url);
  // Limits follow the person: each test is someone new, so one test's refusals don't carry over.
  cookie = participantCookie(event.id, await addParticipant(t.server.db, event.id));
});
afterEach(() => clients.closeAll());

const note = (text: string) => ({
  id: commandId(),
  payload: { boardId: event.welcomeBoardId, column: event.welcomeColumn, text },
});
const noteCount = async () => (await t.server.db.read.select().from(notes)).length;

describe("rate limit", () => {
  it("refuses the sixth command in the window as rate_limited, without applying it", async () => {
    const before = await noteCount();
    const socket = await clients.connect({ eventId: event.id, cookie });
    const acks = [];
    for (let i = 1; i <= 6; i++) acks.push(await socket.timeout(5000).emitWithAck("note:create", note(`Note ${i}`)));

    expect(acks.slice(0, 5).every((a) => a.ok)).toBe(true);
    expect(acks[5]).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(await noteCount()).toBe(before + 5);
    // Reads count too: the socket stays limited for the rest of the window.
    expect(await socket.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} })).toMatchObject({
      ok: false,
      error: { code: "rate_limited" },
    });
  });

  it("follows the person across connections, and leaves everyone else alone", async () => {
    const busy = await clients.connect({ eventId: event.id, cookie });
    for (let i = 0; i < 5; i++) await busy.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} });
    // A reconnect (a new socket with the same cookie) gets no fresh allowance…
    const again = await clients.connect({ eventId: event.id, cookie });
    expect(await again.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} })).toMatchObject({
      ok: false,
      error: { code: "rate_limited" },
    });
    // …while another person is not touched.
    const other = participantCookie(event.id, await addParticipant(t.server.db, event.id));
    const fresh = await clients.connect({ eventId: event.id, cookie: other });
    expect(await fresh.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} })).toMatchObject({ ok: true });
  });

  it("cuts off and shuts out a person who keeps going past the limit, with a message", async () => {
    const flooder = await clients.connect({ eventId: event.id, cookie });
    const told = new Promise<string>((resolve) => flooder.once("access:ended", (info) => resolve(info.message)));
    const gone = disconnected(flooder, 15_000);
    // 5 allowed, then 5 more refusals spend the refusal allowance, the next one cuts off.
    for (let i = 0; i < 12 && flooder.connected; i++) flooder.emit("event:snapshot", { id: commandId(), payload: {} }, () => {});
    expect(await gone).toBe("io server disconnect");
    expect(await told).toMatch(/faster than a person/);
    // Reconnecting doesn't help: shut out for a while, and told why at the door.
    const refused = await connectError(clients.socket({ eventId: event.id, cookie }));
    expect(refused.message).toBe("rate_limited");
    expect((refused as { data?: { message?: string } }).data?.message).toMatch(/faster than a person.*carries on by itself/);
  });
});

describe("payload size", () => {
  it("drops a connection that sends more than 64 KB, applies nothing, and keeps serving others", async () => {
    const before = await noteCount();
    const big = await clients.connect({ eventId: event.id, cookie });
    const dropped = disconnected(big);
    const ack = big.timeout(5000).emitWithAck("note:create", note("x".repeat(limits.maxPayloadBytes + 1024)));
    expect(await dropped).toMatch(/transport (close|error)/);
    await expect(ack).rejects.toThrow();

    const next = await clients.connect({ eventId: event.id, cookie });
    expect(await next.timeout(5000).emitWithAck("note:create", note("Still working"))).toMatchObject({ ok: true });
    expect(await noteCount()).toBe(before + 1);
  });

  it("answers a payload just under the frame limit with a validation error, not a disconnect", async () => {
    const socket = await clients.connect({ eventId: event.id, cookie });
    const ack = await socket.timeout(5000).emitWithAck("note:create", note("x".repeat(limits.maxPayloadBytes - 1024)));
    expect(ack).toMatchObject({ ok: false, error: { code: "invalid", issues: [{ path: "text" }] } });
    expect(socket.connected).toBe(true);
  });
});
