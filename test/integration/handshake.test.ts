import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { events } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { personTag } from "@/lib/auth/pseudonym";
import { contractVersion } from "@/lib/realtime/constants";
import { clientsFor, connectError, participantCookie, staffCookie } from "./support/clients";
import { addParticipant, addStaff, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

const participant = (eventId: string, participantId: string): Actor => ({
  kind: "participant",
  eventId,
  participantId,
  role: "participant",
});

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let eventA: Awaited<ReturnType<typeof createTestEvent>>;
let eventB: Awaited<ReturnType<typeof createTestEvent>>;
let participantA: string;
let participantB: string;
let organiserOfB: Awaited<ReturnType<typeof createAccount>>;

beforeAll(async () => {
  t = await startTestServer();
  const organiserOfA = await createAccount(t.server.db, "Organiser A");
  organiserOfB = await createAccount(t.server.db, "Organiser B");
  eventA = await createTestEvent(t.server.db, organiserOfA.accountId, "Made in Lambeth");
  eventB = await createTestEvent(t.server.db, organiserOfB.accountId, "Our Street");
  participantA = await addParticipant(t.server.db, eventA.id, "Resident A");
  participantB = await addParticipant(t.server.db, eventB.id, "Resident B");
});
afterAll(() => t.dispose());

beforeEach(() => {
  clients = clientsFor(t.url);
});
afterEach(() => clients.closeAll());

describe("who may connect", () => {
  it("accepts a participant with their event's signed cookie", async () => {
    const socket = await clients.connect({ eventId: eventA.id, cookie: participantCookie(eventA.id, participantA) });
    const ack = await socket.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} });
    expect(ack).toMatchObject({
      ok: true,
      result: { event: { id: eventA.id }, me: { kind: "participant", name: "Resident A" } },
    });
  });

  it("tells a page built for another contract version to reload, with a reason, before anything else", async () => {
    const cookie = participantCookie(eventA.id, participantA);
    for (const old of [1, contractVersion + 1, undefined, "2"]) {
      const error = (await connectError(clients.socket({ eventId: eventA.id, cookie, contractVersion: old }))) as Error & {
        data?: { reason?: string; contractVersion?: number };
      };
      expect(error.message).toBe("outdated");
      expect(error.data).toEqual({ reason: "Made In was updated: reload the page.", contractVersion });
    }
  });

  it("refuses a connection without a cookie", async () => {
    const error = await connectError(clients.socket({ eventId: eventA.id }));
    expect(error.message).toBe("unauthenticated");
  });

  it("refuses a connection without an event id, or with one that is not text", async () => {
    const cookie = participantCookie(eventA.id, participantA);
    expect((await connectError(clients.socket({ eventId: undefined, cookie }))).message).toBe("unauthenticated");
    expect((await connectError(clients.socket({ eventId: { $ne: null }, cookie }))).message).toBe("unauthenticated");
  });

  it("refuses a forged cookie: signed with another secret, tampered, or not signed", async () => {
    const forged = [
      participantCookie(eventA.id, participantA, "not-the-server-secret-0123456789abcdef"),
      participantCookie(eventA.id, participantA).replace(participantA, participantB),
      `${participantCookie(eventA.id, participantA).split("=")[0]}=${participantA}`,
    ];
    for (const cookie of forged) {
      expect((await connectError(clients.socket({ eventId: eventA.id, cookie }))).message).toBe("unauthenticated");
    }
  });

  it("refuses a cookie for another event", async () => {
    // B's own cookie, presented while asking to join A.
    const own = await connectError(clients.socket({ eventId: eventA.id, cookie: participantCookie(eventB.id, participantB) }));
    expect(own.message).toBe("unauthenticated");
    // A validly signed B participant under A's cookie name.
    const renamed = await connectError(
      clients.socket({ eventId: eventA.id, cookie: participantCookie(eventA.id, participantB) }),
    );
    expect(renamed.message).toBe("unauthenticated");
    // An organiser of B is nobody in A.
    const staff = await connectError(clients.socket({ eventId: eventA.id, cookie: staffCookie(organiserOfB.sessionToken) }));
    expect(staff.message).toBe("unauthenticated");
  });

  it("accepts staff with a session and a role in the event", async () => {
    const facilitator = await createAccount(t.server.db, "Facilitator A");
    await addStaff(t.server.db, eventA.id, facilitator.accountId, "facilitator");
    const socket = await clients.connect({ eventId: eventA.id, cookie: staffCookie(facilitator.sessionToken) });
    const ack = await socket.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} });
    expect(ack).toMatchObject({ ok: true, result: { me: { kind: "staff", role: "facilitator", name: "Facilitator A" } } });
  });

  it("sends a page's outbox only as the person it was written by: a device now someone else's is refused", async () => {
    const amira = await addParticipant(t.server.db, eventA.id, "Amira");
    const bo = await addParticipant(t.server.db, eventA.id, "Bo");
    const asAmira = participant(eventA.id, amira);
    // Amira's page, on a phone that is still Amira's.
    await clients.connect({
      eventId: eventA.id,
      cookie: participantCookie(eventA.id, amira),
      auth: { person: personTag(asAmira) },
    });
    // The same page after Bo joined on that phone: Amira's queue must not go out as Bo's.
    const handedOver = await connectError(
      clients.socket({ eventId: eventA.id, cookie: participantCookie(eventA.id, bo), auth: { person: personTag(asAmira) } }),
    );
    expect(handedOver.message).toBe("someone-else");
    // Bo's own page is Bo's.
    await clients.connect({
      eventId: eventA.id,
      cookie: participantCookie(eventA.id, bo),
      auth: { person: personTag(participant(eventA.id, bo)) },
    });
  });

  it("refuses a page of another site even with a valid cookie", async () => {
    const cookie = participantCookie(eventA.id, participantA);
    const error = await connectError(clients.socket({ eventId: eventA.id, cookie, origin: "http://evil.example" }));
    expect(error).toBeInstanceOf(Error);
    // The same cookie from our own origin, and from a non-browser client without Origin, is fine.
    await clients.connect({ eventId: eventA.id, cookie });
    await clients.connect({ eventId: eventA.id, cookie, origin: null });
  });

  it("refuses our own host over another scheme: https://host is not http://host", async () => {
    const cookie = participantCookie(eventA.id, participantA);
    const https = t.url.replace(/^http:/, "https:");
    expect(await connectError(clients.socket({ eventId: eventA.id, cookie, origin: https }))).toBeInstanceOf(Error);
    // Behind a TLS proxy that says so, the https page is ours and a plain-http one is not.
    const proxied = { "x-forwarded-proto": "https" };
    await clients.connect({ eventId: eventA.id, cookie, origin: https, headers: proxied });
    expect(await connectError(clients.socket({ eventId: eventA.id, cookie, headers: proxied }))).toBeInstanceOf(Error);
  });

  it("refuses a participant of an event taken back to draft as closed, not signed out, and still lets its staff in", async () => {
    const organiser = await createAccount(t.server.db, "Organiser of a draft");
    const event = await createTestEvent(t.server.db, organiser.accountId, "Back to draft");
    const participant = await addParticipant(t.server.db, event.id, "Early joiner");
    await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, participant) });
    await t.server.db.transact((tx) => tx.update(events).set({ status: "draft" }).where(eq(events.id, event.id)));
    // Told the event is closed (the phone keeps trying), not that they are signed out.
    const refused = await connectError(clients.socket({ eventId: event.id, cookie: participantCookie(event.id, participant) }));
    // The phone keeps its identity and waits for the event to open again (e2e/participant/unpublish.spec.ts).
    expect(refused.message).toBe("closed");
    await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
  });

  it("logs nothing as failed while refusing all of that", () => {
    expect(t.logs).toEqual([]);
  });
});
