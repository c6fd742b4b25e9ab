import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountSessions } from "@/db/schema";
import { addParticipant, addStaff, createAccount, createTestEvent, openTempDatabase } from "@/test/integration/support/fixtures";
import { accountSessionCookie, participantCookieName } from "./cookies";
import { resolveActor } from "./identity";
import { hashToken, sign } from "./tokens";

const secret = "identity-test-secret-0123456789abcdef";
let temp: Awaited<ReturnType<typeof openTempDatabase>>;

beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(() => temp.cleanup());

const jar = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("resolveActor", () => {
  it("resolves a participant from their signed cookie for their own event", async () => {
    const organiser = await createAccount(temp.db);
    const event = await createTestEvent(temp.db, organiser.accountId);
    const participantId = await addParticipant(temp.db, event.id, "Resident");
    const actor = await resolveActor(
      temp.db.read,
      event.id,
      jar({ [participantCookieName(event.id)]: sign(participantId, secret) }),
      secret,
    );
    expect(actor).toEqual({ kind: "participant", eventId: event.id, participantId, role: "participant" });
  });

  it("refuses a forged, unsigned or other-event participant cookie", async () => {
    const organiser = await createAccount(temp.db);
    const a = await createTestEvent(temp.db, organiser.accountId, "A");
    const b = await createTestEvent(temp.db, organiser.accountId, "B");
    const inB = await addParticipant(temp.db, b.id);
    const cookie = participantCookieName(a.id);
    for (const cookies of [
      jar({ [cookie]: sign(inB, "another-secret-0123456789abcdefghij") }),
      jar({ [cookie]: inB }),
      jar({ [cookie]: sign(inB, secret) }), // right signature, wrong event
      jar({ [participantCookieName(b.id)]: sign(inB, secret) }), // cookie of event B presented to event A
      jar({}),
    ]) {
      expect(await resolveActor(temp.db.read, a.id, cookies, secret)).toBeNull();
    }
  });

  it("gives staff their role in this event, ahead of a participant cookie on the same device", async () => {
    const organiser = await createAccount(temp.db, "Organiser");
    const event = await createTestEvent(temp.db, organiser.accountId);
    const facilitator = await createAccount(temp.db, "Facilitator");
    await addStaff(temp.db, event.id, facilitator.accountId, "facilitator");
    const participantId = await addParticipant(temp.db, event.id);

    const cookies = jar({
      [accountSessionCookie]: facilitator.sessionToken,
      [participantCookieName(event.id)]: sign(participantId, secret),
    });
    expect(await resolveActor(temp.db.read, event.id, cookies, secret)).toEqual({
      kind: "staff",
      eventId: event.id,
      accountId: facilitator.accountId,
      name: "Facilitator",
      role: "facilitator",
    });
  });

  it("treats a signed-in account without a role in this event as nobody, or as their participant self", async () => {
    const organiser = await createAccount(temp.db);
    const mine = await createTestEvent(temp.db, organiser.accountId, "Mine");
    const other = await createTestEvent(temp.db, (await createAccount(temp.db)).accountId, "Other");
    expect(
      await resolveActor(temp.db.read, other.id, jar({ [accountSessionCookie]: organiser.sessionToken }), secret),
    ).toBeNull();
    expect(
      await resolveActor(temp.db.read, mine.id, jar({ [accountSessionCookie]: organiser.sessionToken }), secret),
    ).toMatchObject({
      kind: "staff",
      role: "organiser",
    });

    const participantId = await addParticipant(temp.db, other.id);
    const both = jar({
      [accountSessionCookie]: organiser.sessionToken,
      [participantCookieName(other.id)]: sign(participantId, secret),
    });
    expect(await resolveActor(temp.db.read, other.id, both, secret)).toMatchObject({ kind: "participant", participantId });
  });

  it("refuses an expired or unknown session", async () => {
    const organiser = await createAccount(temp.db);
    const event = await createTestEvent(temp.db, organiser.accountId);
    await temp.db.transact((tx) =>
      tx
        .update(accountSessions)
        .set({ expiresAt: Date.now() - 1 })
        .where(eq(accountSessions.tokenHash, hashToken(organiser.sessionToken))),
    );
    expect(
      await resolveActor(temp.db.read, event.id, jar({ [accountSessionCookie]: organiser.sessionToken }), secret),
    ).toBeNull();
    expect(await resolveActor(temp.db.read, event.id, jar({ [accountSessionCookie]: "made-up" }), secret)).toBeNull();
    // The hash is stored, not the token: presenting the hash itself must not work.
    const fresh = await createAccount(temp.db);
    await addStaff(temp.db, event.id, fresh.accountId, "facilitator");
    expect(
      await resolveActor(temp.db.read, event.id, jar({ [accountSessionCookie]: hashToken(fresh.sessionToken) }), secret),
    ).toBeNull();
  });
});
