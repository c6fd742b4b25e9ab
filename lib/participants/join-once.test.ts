import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants } from "@/db/schema";
import { createAccount, createTestEvent, openTempDatabase } from "@/test/integration/support/fixtures";
import { listDevices } from "./devices";
import { joinOnce, joinReplayWindowMs } from "./join-once";

let t: Awaited<ReturnType<typeof openTempDatabase>>;
beforeAll(async () => {
  t = await openTempDatabase();
});
afterAll(() => t?.cleanup());

async function anEvent() {
  const organiser = await createAccount(t.db);
  return createTestEvent(t.db, organiser.accountId);
}

const join = (eventId: string, displayName: string, submission?: string, now?: number) =>
  t.db.transact((tx) =>
    joinOnce(tx, { eventId, displayName, language: "en-GB", deviceLabel: "Chrome on Android", submission, now }),
  );

const peopleIn = async (eventId: string) =>
  (await t.db.read.select().from(participants).where(eq(participants.eventId, eventId))).map((p) => p.displayName);

describe("joining from the join form", () => {
  it("sent twice (a double tap, a second tab), joins once: the second gets the same person and device", async () => {
    const event = await anEvent();
    const form = randomUUID();
    const [first, second] = await Promise.all([join(event.id, "Sam", form), join(event.id, "Sam", form)]);
    expect(second).toMatchObject({ participantId: first.participantId, deviceId: first.deviceId });
    expect([first.again, second.again].sort()).toEqual([false, true]);
    expect(await peopleIn(event.id)).toEqual(["Sam"]);
    expect(await listDevices(t.db.read, first.participantId)).toHaveLength(1);
    // Only the first tells the room someone joined.
    expect(first.broadcasts.length + second.broadcasts.length).toBe(1);
  });

  it("is a new person for another form, another name on the same form, or the same form after its person left", async () => {
    const event = await anEvent();
    const form = randomUUID();
    const sam = await join(event.id, "Sam", form);
    await join(event.id, "Sam", randomUUID());
    // A shared phone's old join page, sent by someone else: never the first person.
    const jo = await join(event.id, "Jo", form);
    expect(jo.participantId).not.toBe(sam.participantId);
    expect(jo.deviceId).not.toBe(form);
    await t.db.transact((tx) =>
      tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, sam.participantId)),
    );
    const back = await join(event.id, "Sam", form);
    expect(back.participantId).not.toBe(sam.participantId);
    expect((await peopleIn(event.id)).sort()).toEqual(["Jo", "Sam", "Sam", "Sam"]);
  });

  it("is a new person once the replay window has passed, or in another event", async () => {
    const event = await anEvent();
    const other = await anEvent();
    const form = randomUUID();
    const sam = await join(event.id, "Sam", form);
    expect((await join(other.id, "Sam", form)).participantId).not.toBe(sam.participantId);
    const later = await join(event.id, "Sam", form, Date.now() + joinReplayWindowMs + 1);
    expect(later.participantId).not.toBe(sam.participantId);
  });

  it("without a form id (an old page), joins each time, as before", async () => {
    const event = await anEvent();
    await join(event.id, "Sam");
    await join(event.id, "Sam");
    expect(await peopleIn(event.id)).toEqual(["Sam", "Sam"]);
  });
});
