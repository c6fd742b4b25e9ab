import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { accountSessions, eventStaff, events, participantDevices, participants } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { joinEvent } from "@/lib/participants/join-event";
import {
  addParticipant,
  addStaff,
  createAccount,
  createTestEvent,
  openTempDatabase,
  participantActor,
  staffActor,
} from "@/test/integration/support/fixtures";
import { type HeldIdentity, type Revoked, revokedAmong, revokedWithin } from "./revalidate";

/**
 * Every way access ends, seen by `revokedAmong` on the read connection: the per-command check and
 * the sweep both rest on it, so this pins its answers whichever SQL it runs.
 */

type Held = HeldIdentity & { name: string };

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
/** A second process's connections to the same file: changes "made directly in the database". */
let other: Database;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let organiser: Awaited<ReturnType<typeof createAccount>>;

beforeEach(async () => {
  temp = await openTempDatabase();
  other = await openDatabase(temp.url);
  organiser = await createAccount(temp.db);
  event = await createTestEvent(temp.db, organiser.accountId);
});
afterEach(() => {
  other.close();
  temp.cleanup();
});

const names = (s: Map<Held, Revoked>) => [...s.keys()].map((h) => h.name).sort();
/** Each revoked identity with why: "ada: closed". */
const reasons = (s: Map<Held, Revoked>) => [...s].map(([h, why]) => `${h.name}: ${why}`).sort();

/**
 * `revokedAmong` on the read connection (the sweep), checked against `revokedWithin` inside a
 * write's transaction (each command), one identity at a time: both must say the same.
 */
async function revoked(held: Held[], now?: number) {
  const among = await revokedAmong(temp.db.read, held, now);
  const within = new Map<Held, Revoked>();
  for (const h of held) {
    const why = await temp.db.transact((tx) => revokedWithin(tx, h, now));
    if (why) within.set(h, why);
  }
  expect(reasons(within)).toEqual(reasons(among));
  return among;
}

async function addDevice(db: Database, participantId: string) {
  const id = randomUUID();
  await db.transact((tx) => tx.insert(participantDevices).values({ id, participantId, label: "Chrome on Android" }));
  return id;
}

const participantHeld = (name: string, participantId: string, deviceId: string | null = null, eventId = event.id): Held => ({
  name,
  actor: participantActor(eventId, participantId),
  sessionHash: null,
  deviceId,
});

const staffHeld = (
  name: string,
  account: { accountId: string; sessionToken: string },
  role: "organiser" | "facilitator" = "organiser",
  eventId = event.id,
): Held => ({
  name,
  actor: staffActor(eventId, account.accountId, role),
  sessionHash: hashToken(account.sessionToken),
});

describe("revokedAmong", () => {
  it("keeps everyone whose access still holds", async () => {
    const ada = await addParticipant(temp.db, event.id, "Ada");
    const phone = await addDevice(temp.db, ada);
    const facilitator = await createAccount(temp.db, "Facilitator");
    await addStaff(temp.db, event.id, facilitator.accountId, "facilitator");
    const held = [
      participantHeld("ada", ada),
      participantHeld("ada's phone", ada, phone),
      staffHeld("organiser", organiser),
      staffHeld("facilitator", facilitator, "facilitator"),
    ];
    expect(names(await revoked(held))).toEqual([]);
    expect(names(await revoked([]))).toEqual([]);
  });

  it("a participant who left, or was erased, is revoked on every socket they hold", async () => {
    const ada = await addParticipant(temp.db, event.id, "Ada");
    const bo = await addParticipant(temp.db, event.id, "Bo");
    const cy = await addParticipant(temp.db, event.id, "Cy");
    await other.transact((tx) => tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, ada)));
    await other.transact((tx) => tx.delete(participants).where(eq(participants.id, bo)));
    const held = [
      participantHeld("ada tab 1", ada),
      participantHeld("ada tab 2", ada),
      participantHeld("bo", bo),
      participantHeld("cy", cy),
      participantHeld("nobody", randomUUID()),
    ];
    expect(names(await revoked(held))).toEqual(["ada tab 1", "ada tab 2", "bo", "nobody"]);
    // One at a time, as each command checks its own socket.
    for (const h of held) expect((await revoked([h])).size).toBe(h.name === "cy" ? 0 : 1);
  });

  it("archiving the event, or taking it back to draft, revokes its participants, not its staff; another event is untouched", async () => {
    const ada = await addParticipant(temp.db, event.id, "Ada");
    // The organiser who creates an event is its organiser (lib/events/create-event.ts).
    const elsewhere = await createTestEvent(temp.db, organiser.accountId, "Made in Peckham");
    const bo = await addParticipant(temp.db, elsewhere.id, "Bo");
    const archive = (id: string) =>
      other.transact((tx) => tx.update(events).set({ status: "archived" }).where(eq(events.id, id)));
    await archive(event.id);
    const held = [
      participantHeld("ada", ada),
      staffHeld("organiser", organiser),
      participantHeld("bo", bo, null, elsewhere.id),
      staffHeld("organiser elsewhere", organiser, "organiser", elsewhere.id),
    ];
    expect(names(await revoked(held))).toEqual(["ada"]);
    // Taken back to draft, an event is its staff's alone (as at the handshake, lib/auth/identity.ts).
    await other.transact((tx) => tx.update(events).set({ status: "draft" }).where(eq(events.id, elsewhere.id)));
    // Both are still themselves: Bo's event is closed until it is published again, Ada's has finished.
    expect(reasons(await revoked(held))).toEqual(["ada: finished", "bo: closed"]);
    await other.transact((tx) => tx.update(events).set({ status: "published" }).where(eq(events.id, elsewhere.id)));
    expect(names(await revoked(held))).toEqual(["ada"]);
  });

  it("a device its person signed out is revoked; their other device and their device-less sockets carry on", async () => {
    const ada = await addParticipant(temp.db, event.id, "Ada");
    const phone = await addDevice(temp.db, ada);
    const laptop = await addDevice(temp.db, ada);
    await other.transact((tx) => tx.delete(participantDevices).where(eq(participantDevices.id, phone)));
    const held = [
      participantHeld("phone tab 1", ada, phone),
      participantHeld("phone tab 2", ada, phone),
      participantHeld("laptop", ada, laptop),
      participantHeld("no device", ada, null),
      participantHeld("made-up device", ada, randomUUID()),
    ];
    expect(names(await revoked(held))).toEqual(["made-up device", "phone tab 1", "phone tab 2"]);
    expect((await revoked([participantHeld("phone", ada, phone)])).size).toBe(1);
    expect((await revoked([participantHeld("laptop", ada, laptop)])).size).toBe(0);
  });

  it.each([
    ["draft", "closed"],
    ["archived", "finished"],
  ] as const)(
    "in an event made %s, only those who would hold were it published are held out (%s); the rest have ended",
    async (status, why) => {
      const [ada, bo, cy] = [
        await addParticipant(temp.db, event.id, "Ada"),
        await addParticipant(temp.db, event.id, "Bo"),
        await addParticipant(temp.db, event.id, "Cy"),
      ];
      const [adasPhone, bosPhone] = [await addDevice(temp.db, ada), await addDevice(temp.db, bo)];
      await other.transact((tx) => tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, cy)));
      await other.transact((tx) => tx.delete(participantDevices).where(eq(participantDevices.id, bosPhone)));
      await other.transact((tx) => tx.update(events).set({ status }).where(eq(events.id, event.id)));
      const held = [
        participantHeld("ada's phone", ada, adasPhone),
        participantHeld("ada, no device", ada),
        participantHeld("bo's signed-out phone", bo, bosPhone),
        participantHeld("cy, who left", cy),
        staffHeld("organiser", organiser),
      ];
      expect(reasons(await revoked(held))).toEqual([
        `ada's phone: ${why}`,
        `ada, no device: ${why}`,
        "bo's signed-out phone: ended",
        "cy, who left: ended",
      ]);
    },
  );

  it("a participant who left is revoked whether or not their device still exists", async () => {
    const ada = await addParticipant(temp.db, event.id, "Ada");
    const phone = await addDevice(temp.db, ada);
    await other.transact((tx) => tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, ada)));
    expect(names(await revoked([participantHeld("phone", ada, phone)]))).toEqual(["phone"]);
  });

  it("staff are revoked on sign-out, expiry, a new password, removal, a role change, or no session", async () => {
    const accounts = await Promise.all(
      [
        "signed out",
        "expired",
        "expires now",
        "new password",
        "removed",
        "demoted",
        "promoted",
        "no session",
        "other's session",
        "fine",
      ].map(async (name) => ({ name, account: await createAccount(temp.db, name) })),
    );
    const by = (name: string) => {
      const found = accounts.find((a) => a.name === name);
      if (!found) throw new Error(name);
      return found.account;
    };
    for (const { name, account } of accounts) {
      await addStaff(temp.db, event.id, account.accountId, name === "promoted" ? "facilitator" : "organiser");
    }
    const now = Date.now();
    await other.transact(async (tx) => {
      await tx.delete(accountSessions).where(eq(accountSessions.tokenHash, hashToken(by("signed out").sessionToken)));
      await tx
        .update(accountSessions)
        .set({ expiresAt: now - 1 })
        .where(eq(accountSessions.tokenHash, hashToken(by("expired").sessionToken)));
      await tx
        .update(accountSessions)
        .set({ expiresAt: now })
        .where(eq(accountSessions.tokenHash, hashToken(by("expires now").sessionToken)));
      // A new password ends every session of the account (lib/accounts/password-reset.ts).
      await tx.delete(accountSessions).where(eq(accountSessions.accountId, by("new password").accountId));
      await tx.delete(eventStaff).where(eq(eventStaff.accountId, by("removed").accountId));
      await tx
        .update(eventStaff)
        .set({ role: "facilitator" })
        .where(eq(eventStaff.accountId, by("demoted").accountId));
      await tx
        .update(eventStaff)
        .set({ role: "organiser" })
        .where(eq(eventStaff.accountId, by("promoted").accountId));
    });
    const held: Held[] = accounts.map(({ name, account }) =>
      staffHeld(name, account, name === "promoted" ? "facilitator" : "organiser"),
    );
    const noSession = held.find((h) => h.name === "no session");
    if (noSession) noSession.sessionHash = null;
    const othersSession = held.find((h) => h.name === "other's session");
    if (othersSession) othersSession.sessionHash = hashToken(by("fine").sessionToken);
    const expected = [
      "demoted",
      "expired",
      "expires now",
      "new password",
      "no session",
      "other's session",
      "promoted",
      "removed",
      "signed out",
    ];
    expect(names(await revoked(held, now))).toEqual(expected);
    for (const h of held) expect((await revoked([h], now)).size).toBe(expected.includes(h.name) ? 1 : 0);
    // A session that expires later holds until then.
    expect((await revoked([staffHeld("fine", by("fine"))], now + 2 * 24 * 3600 * 1000)).size).toBe(1);
  });

  it("staff of one event hold only in the events where they keep that role", async () => {
    const elsewhere = await createTestEvent(temp.db, organiser.accountId, "Made in Peckham");
    await temp.db.transact((tx) =>
      tx.update(eventStaff).set({ role: "facilitator" }).where(eq(eventStaff.eventId, elsewhere.id)),
    );
    const unstaffed = await createTestEvent(temp.db, organiser.accountId, "Made in Deptford");
    await other.transact((tx) => tx.delete(eventStaff).where(eq(eventStaff.eventId, unstaffed.id)));
    const held = [
      staffHeld("here", organiser),
      staffHeld("elsewhere as facilitator", organiser, "facilitator", elsewhere.id),
      staffHeld("elsewhere as organiser", organiser, "organiser", elsewhere.id),
      staffHeld("unstaffed", organiser, "organiser", unstaffed.id),
    ];
    expect(names(await revoked(held))).toEqual(["elsewhere as organiser", "unstaffed"]);
  });

  it("a sweep over many sockets finds exactly the revoked ones, across batches", async () => {
    const ids = await temp.db.transact(async (tx) => {
      const made: string[] = [];
      for (let i = 0; i < 1000; i++) {
        made.push((await joinEvent(tx, { eventId: event.id, displayName: `P${i}`, ageBand: "18_plus" })).participantId);
      }
      return made;
    });
    const leaving = [0, 399, 400, 401, 799, 800, 999];
    await other.transact(async (tx) => {
      for (const i of leaving)
        await tx
          .update(participants)
          .set({ leftAt: Date.now() })
          .where(eq(participants.id, ids[i] ?? ""));
    });
    const held = ids.map((id, i) => participantHeld(`p${i}`, id));
    const found = await revoked([...held, staffHeld("organiser", organiser)]);
    expect(names(found)).toEqual(leaving.map((i) => `p${i}`).sort());
  });
});
