/**
 * Many identities from one script (the join code is on the projector) each stay within their own
 * note allowance: the room's allowance bounds them together (lib/realtime/socket-server.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notes } from "@/db/schema";
import { clientsFor, participantCookie, staffCookie } from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ eventNoteLimit: { points: 4, seconds: 60 } });
});
afterAll(() => t.dispose());

describe("the room's note allowance", () => {
  it("holds back participants' notes past it, without cutting anyone off; staff's notes and other rooms go on", async () => {
    const organiser = await createAccount(t.server.db);
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const other = await createTestEvent(t.server.db, organiser.accountId, "Made in Brixton");
    const clients = clientsFor(t.url);
    try {
      const note = (e: typeof event, text: string) => ({
        id: commandId(),
        payload: { boardId: e.welcomeBoardId, column: e.welcomeColumn, text },
      });
      const phones = await Promise.all(
        ["A", "B", "C"].map(async (name) =>
          clients.connect({
            eventId: event.id,
            cookie: participantCookie(event.id, await addParticipant(t.server.db, event.id, name)),
          }),
        ),
      );
      const acks = [];
      for (const [i, phone] of [...phones, ...phones].entries()) {
        acks.push(await phone.timeout(5000).emitWithAck("note:create", note(event, `Idea ${i}`)));
      }
      expect(acks.map((a) => a.ok)).toEqual([true, true, true, true, false, false]);
      expect(acks[4]).toMatchObject({
        ok: false,
        error: { code: "rate_limited", message: "The boards are very busy right now. Your note will be added in a moment." },
      });
      expect((await t.server.db.read.select().from(notes)).filter((n) => n.boardId === event.welcomeBoardId)).toHaveLength(4);
      // Nobody was cut off as a flood: each can still read the room.
      for (const phone of phones) {
        expect(phone.connected).toBe(true);
        expect(await phone.timeout(5000).emitWithAck("event:snapshot", { id: commandId(), payload: {} })).toMatchObject({
          ok: true,
        });
      }
      // Staff's notes are not the room's to hold back; another event has its own allowance.
      const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
      expect(await staff.timeout(5000).emitWithAck("note:create", note(event, "From the facilitator"))).toMatchObject({
        ok: true,
      });
      const elsewhere = await clients.connect({
        eventId: other.id,
        cookie: participantCookie(other.id, await addParticipant(t.server.db, other.id, "D")),
      });
      expect(await elsewhere.timeout(5000).emitWithAck("note:create", note(other, "Over in Brixton"))).toMatchObject({
        ok: true,
      });
    } finally {
      clients.closeAll();
    }
  });
});
