/**
 * Access taken away is gone from open sockets too (issue 24, item 2). For each way it ends
 * (leaving, removal by staff, removal from the staff, sign-out, session expiry, a new password,
 * an archived event), with real sockets: the very next command is refused, every socket of that
 * identity is disconnected, and a new connection is refused. On one process, then on two
 * processes sharing one database and Redis, with the identity's sockets on the other process.
 *
 * The time to disconnect is reported (REVOCATION lines), not asserted: the guarantee is that
 * the next command is refused however busy the machine is (checked on every command), and the
 * socket closes at once (pushed) or at the next sweep (400 ms).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { accountSessions, accounts, events, notes, participantDevices } from "@/db/schema";
import { endEverySession, endSession, removeStaff } from "@/lib/accounts/access";
import { changePassword } from "@/lib/accounts/change-password";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { openAccountSession, providerSessionHoursDefault } from "@/lib/auth/account-session";
import { participantCookieValue } from "@/lib/auth/identity";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createInvite } from "@/lib/invites/create-invite";
import { findInvite } from "@/lib/invites/find-invite";
import { addDevice, signOutDevice } from "@/lib/participants/devices";
import type { CommandName, CommandPayload } from "@/lib/realtime/contract";
import { type AppProcess, startAppProcess } from "./support/app-process";
import {
  clientsFor,
  connectError,
  disconnected,
  participantCookie,
  send as sendCommand,
  staffCookie,
  type TestSocket,
} from "./support/clients";
import { addParticipant, addStaff, commandId, createAccount, createAccountSession, createTestEvent } from "./support/fixtures";
import { startRedis, type TestRedis } from "./support/redis-server";
import { startTestServer, type TestServer } from "./support/server";

/** A command that may meet a closed socket: null instead of a timeout error. */
const send = <N extends CommandName>(s: TestSocket, name: N, payload: CommandPayload<N>) =>
  sendCommand(s, name, payload).catch(() => null);

const report = (what: string, ms: number) => process.stdout.write(`REVOCATION ${what}: closedMs=${ms.toFixed(0)}\n`);

/** The account's password changed as the "Change your password" form does it, keeping the session of `keepToken`. */
async function newPassword(db: Database, accountId: string, keepToken: string, password: string) {
  const current = "the password before the change";
  const passwordHash = await hashPassword(current);
  await db.transact((tx) => tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId)));
  const outcome = await changePassword(db, { accountId, current, password, keepSessionHash: hashToken(keepToken) });
  if (!outcome.ok) throw new Error(`the password was not changed: ${outcome.reason}`);
  return outcome.revocations;
}

/**
 * Does `act`, then: each socket's next command changes nothing (refused, or the socket is
 * already gone), each socket is disconnected, and the same cookie can't connect again.
 */
async function expectCutOff(
  what: string,
  db: Database,
  sockets: TestSocket[],
  reconnect: () => TestSocket,
  act: () => Promise<unknown>,
  board: { boardId: string; column: string },
  reason?: string,
  /** What a new connection with the same cookies is refused with. */
  refusedWith = "unauthenticated",
) {
  // Acknowledged, as the app's client does, so the server closes the socket without waiting.
  const ended = sockets.map(
    (s) =>
      new Promise<{ message: string } | null>((resolve) => {
        s.once("access:ended", (info, ack) => {
          ack();
          resolve(info);
        });
        s.once("disconnect", () => setTimeout(() => resolve(null), 100));
      }),
  );
  const gone = sockets.map((s) => disconnected(s, 15_000));
  await act();
  // From the moment the change committed (a new password's hashing is not part of it).
  const started = performance.now();
  for (const [i, s] of sockets.entries()) {
    const text = `after ${what} ${commandId()}`;
    // Already gone: a command can't even be delivered (socket.io would hold it until a timeout).
    const ack = await Promise.race([send(s, "note:create", { ...board, text }), gone[i]?.then(() => null)]);
    expect(ack?.ok ?? false, `${what}: a command after the revocation was accepted`).toBe(false);
    const stored = await db.read.select().from(notes).where(eq(notes.text, text));
    expect(stored).toHaveLength(0);
  }
  expect(await Promise.all(gone)).toEqual(sockets.map(() => "io server disconnect"));
  report(what, performance.now() - started);
  // Each was told why before it was closed.
  for (const e of await Promise.all(ended)) {
    expect(e?.message).toBeTruthy();
    if (reason) expect(e).toMatchObject({ reason });
  }
  expect((await connectError(reconnect(), 15_000)).message).toBe(refusedWith);
}

describe("on one process", () => {
  let t: TestServer;
  let clients: ReturnType<typeof clientsFor>;
  beforeAll(async () => {
    t = await startTestServer();
    clients = clientsFor(t.url);
  });
  afterAll(async () => {
    clients?.closeAll();
    await t?.dispose();
  });

  async function setUp() {
    const db = t.server.db;
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const board = { boardId: event.welcomeBoardId, column: event.welcomeColumn };
    const org = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    return { db, organiser, event, board, org };
  }

  it("event:leave on one tab closes the person's other tabs, telling them they left", async () => {
    const { db, event, board } = await setUp();
    const p = await addParticipant(db, event.id, "Sam");
    const cookie = participantCookie(event.id, p);
    const leaving = await clients.connect({ eventId: event.id, cookie });
    const other = await clients.connect({ eventId: event.id, cookie });
    await expectCutOff(
      "leave",
      db,
      [other],
      () => clients.socket({ eventId: event.id, cookie }),
      async () => expect(await send(leaving, "event:leave", { deleteNotes: false })).toMatchObject({ ok: true }),
      board,
      "left",
    );
  });

  /** Robin on two devices, each with its own socket: the phone is theirs, the laptop a stranger's. */
  async function twoDevices() {
    const set = await setUp();
    const { db, event } = set;
    const p = await addParticipant(db, event.id, "Robin");
    const [phone, laptop] = (await db.transact(async (tx) => [
      await addDevice(tx, p, "Chrome on Android"),
      await addDevice(tx, p, "Firefox on Windows"),
    ])) as [string, string];
    // The cookie names the person and the device, as the join form and personal links set it.
    const cookieOf = (device: string) => participantCookie(event.id, participantCookieValue(p, device));
    const mine = await clients.connect({ eventId: event.id, cookie: cookieOf(phone) });
    const stranger = await clients.connect({ eventId: event.id, cookie: cookieOf(laptop) });
    return { ...set, p, laptop, cookieOf, mine, stranger };
  }

  it("a device its person signs out is cut off; their other device carries on", async () => {
    const { db, event, board, p, laptop, cookieOf, mine, stranger } = await twoDevices();
    await expectCutOff(
      "device signed out",
      db,
      [stranger],
      () => clients.socket({ eventId: event.id, cookie: cookieOf(laptop) }),
      async () => t.server.realtime.revoke(await db.transact((tx) => signOutDevice(tx, p, laptop))),
      board,
    );
    expect(await send(mine, "event:snapshot", {})).toMatchObject({ ok: true });
  });

  it("a device removed straight in the database is let go by the sweep, with nobody sending anything", async () => {
    const { db, event, laptop, cookieOf, mine, stranger } = await twoDevices();
    const gone = disconnected(stranger, 15_000);
    await db.transact((tx) => tx.delete(participantDevices).where(eq(participantDevices.id, laptop)));
    expect(await gone).toBe("io server disconnect");
    expect(await send(mine, "event:snapshot", {})).toMatchObject({ ok: true });
    expect((await connectError(clients.socket({ eventId: event.id, cookie: cookieOf(laptop) }), 15_000)).message).toBe(
      "unauthenticated",
    );
  });

  it("a participant removed by staff is cut off, through the same path as leaving", async () => {
    const { db, event, board, org } = await setUp();
    const p = await addParticipant(db, event.id, "Alex");
    const cookie = participantCookie(event.id, p);
    const phones = [await clients.connect({ eventId: event.id, cookie }), await clients.connect({ eventId: event.id, cookie })];
    await expectCutOff(
      "participant:remove",
      db,
      phones,
      () => clients.socket({ eventId: event.id, cookie }),
      async () => expect(await send(org, "participant:remove", { participantId: p })).toMatchObject({ ok: true }),
      board,
    );
    // The staff's own socket is untouched.
    expect(await send(org, "event:snapshot", {})).toMatchObject({ ok: true });
  });

  // Told "removed", as a participant taken out is: their laptop forgets what it kept for them (outbox, drafts).
  it("a facilitator removed from the staff can no longer read private details or announce, and is told they were removed", async () => {
    const { db, event, board } = await setUp();
    const facilitator = await createAccount(db, "Facilitator");
    await addStaff(db, event.id, facilitator.accountId, "facilitator");
    const cookie = staffCookie(facilitator.sessionToken);
    const laptop = await clients.connect({ eventId: event.id, cookie });
    expect(await send(laptop, "participants:details", {})).toMatchObject({ ok: true });
    await expectCutOff(
      "staff removed",
      db,
      [laptop],
      () => clients.socket({ eventId: event.id, cookie }),
      async () => {
        const outcome = await db.transact((tx) => removeStaff(tx, { eventId: event.id, accountId: facilitator.accountId }));
        if (!outcome.ok) throw new Error(outcome.message);
        // As removeStaffAction does.
        t.server.realtime.revoke(outcome.revocations, "removed");
      },
      board,
      "removed",
    );
  });

  it("a co-organiser removed from the staff can't come back through an invitation link they made", async () => {
    const { db, event, organiser } = await setUp();
    const coOrganiser = await createAccount(db, "Co-organiser");
    await addStaff(db, event.id, coOrganiser.accountId, "organiser");
    const kept = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "organiser", createdBy: coOrganiser.accountId }),
    );
    const theirUsed = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: coOrganiser.accountId }),
    );
    const stranger = await createAccount(db, "Someone they invited");
    expect(await db.transact((tx) => acceptInvite(tx, { token: theirUsed.token, accountId: stranger.accountId }))).toMatchObject({
      ok: true,
    });
    const others = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: organiser.accountId }),
    );

    const outcome = await db.transact((tx) => removeStaff(tx, { eventId: event.id, accountId: coOrganiser.accountId }));
    expect(outcome).toMatchObject({ ok: true });
    expect(await findInvite(db.read, kept.token)).toBeNull();
    expect(await db.transact((tx) => acceptInvite(tx, { token: kept.token, accountId: coOrganiser.accountId }))).toMatchObject({
      ok: false,
    });
    // What nobody but them made stays, and whom they already let in stays in.
    expect(await findInvite(db.read, others.token)).toMatchObject({ status: "valid" });
    expect(await findInvite(db.read, theirUsed.token)).toMatchObject({ status: "used" });
  });

  it("the last organiser can't be removed", async () => {
    const { db, event, organiser } = await setUp();
    const outcome = await db.transact((tx) => removeStaff(tx, { eventId: event.id, accountId: organiser.accountId }));
    expect(outcome).toMatchObject({ ok: false });
  });

  it("signing out closes that session's sockets, and only those", async () => {
    const { db, event, board, organiser } = await setUp();
    const cookie = staffCookie(organiser.sessionToken);
    const consoleSocket = await clients.connect({ eventId: event.id, cookie });
    const otherDevice = await createAccountSession(db, organiser.accountId);
    const stays = await clients.connect({ eventId: event.id, cookie: staffCookie(otherDevice) });
    await expectCutOff(
      "sign-out",
      db,
      [consoleSocket],
      () => clients.socket({ eventId: event.id, cookie }),
      async () => t.server.realtime.revoke(await db.transact((tx) => endSession(tx, hashToken(organiser.sessionToken)))),
      board,
      // Not "removed": signed in again, their laptop still has what was waiting to be sent.
      "ended",
    );
    expect(await send(stays, "event:snapshot", {})).toMatchObject({ ok: true });
  });

  it("a session that expires closes its sockets with nobody doing anything (the sweep)", async () => {
    const { db, event, board, organiser } = await setUp();
    const cookie = staffCookie(organiser.sessionToken);
    const screen = await clients.connect({ eventId: event.id, cookie });
    await expectCutOff(
      "session expiry",
      db,
      [screen],
      () => clients.socket({ eventId: event.id, cookie }),
      () =>
        db.transact((tx) =>
          tx
            .update(accountSessions)
            .set({ expiresAt: Date.now() - 1 })
            .where(eq(accountSessions.tokenHash, hashToken(organiser.sessionToken))),
        ),
      board,
    );
  });

  it("a session the identity provider vouched for must be renewed with it after its hours (72 by default): its sockets close; a password's goes on", async () => {
    const { db, event, board, organiser } = await setUp();
    // Both opened 72 hours ago, less a few seconds to connect in.
    const then = Date.now() - providerSessionHoursDefault * 3_600_000 + 4_000;
    const { token: viaProvider } = await db.transact((tx) => openAccountSession(tx, organiser.accountId, "provider", then));
    const { token: viaPassword } = await db.transact((tx) => openAccountSession(tx, organiser.accountId, "password", then));
    const cookie = staffCookie(viaProvider);
    const laptop = await clients.connect({ eventId: event.id, cookie });
    const stays = await clients.connect({ eventId: event.id, cookie: staffCookie(viaPassword) });
    // Nobody does anything: the provider's session runs out, and the sweep lets it go.
    await expectCutOff(
      "provider session renewal",
      db,
      [laptop],
      () => clients.socket({ eventId: event.id, cookie }),
      () => disconnected(laptop, 20_000),
      board,
    );
    expect(await send(stays, "event:snapshot", {})).toMatchObject({ ok: true });
  });

  it("signing out everywhere closes every socket of the person, on each of their sessions, and nobody else's", async () => {
    const { db, event, board, organiser } = await setUp();
    const facilitator = await createAccount(db, "Facilitator");
    await addStaff(db, event.id, facilitator.accountId, "facilitator");
    const cookie = staffCookie(organiser.sessionToken);
    const here = await clients.connect({ eventId: event.id, cookie });
    const lostLaptop = await clients.connect({
      eventId: event.id,
      cookie: staffCookie(await createAccountSession(db, organiser.accountId)),
    });
    const colleague = await clients.connect({ eventId: event.id, cookie: staffCookie(facilitator.sessionToken) });
    await expectCutOff(
      "sign out everywhere",
      db,
      [here, lostLaptop],
      () => clients.socket({ eventId: event.id, cookie }),
      async () => t.server.realtime.revoke(await db.transact((tx) => endEverySession(tx, organiser.accountId))),
      board,
      "ended",
    );
    expect(await db.read.select().from(accountSessions).where(eq(accountSessions.accountId, organiser.accountId))).toEqual([]);
    expect(await send(colleague, "event:snapshot", {})).toMatchObject({ ok: true });
  });

  it("a new password closes every other session's sockets; the one that changed it stays", async () => {
    const { db, event, board, organiser } = await setUp();
    const mine = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const stolen = await createAccountSession(db, organiser.accountId);
    const cookie = staffCookie(stolen);
    const thief = await clients.connect({ eventId: event.id, cookie });
    await expectCutOff(
      "password change",
      db,
      [thief],
      () => clients.socket({ eventId: event.id, cookie }),
      async () =>
        t.server.realtime.revoke(await newPassword(db, organiser.accountId, organiser.sessionToken, "a brand new passphrase")),
      board,
    );
    expect(await send(mine, "event:snapshot", {})).toMatchObject({ ok: true });
  });

  it("a password reset link closes every session's sockets at once, the one that asked included", async () => {
    const { db, event, board, organiser } = await setUp();
    const [account] = await db.read.select().from(accounts).where(eq(accounts.id, organiser.accountId));
    const link = await requestPasswordReset(db, account!.email);
    const cookie = staffCookie(organiser.sessionToken);
    const laptop = await clients.connect({ eventId: event.id, cookie });
    const stolen = await clients.connect({
      eventId: event.id,
      cookie: staffCookie(await createAccountSession(db, organiser.accountId)),
    });
    await expectCutOff(
      "password reset",
      db,
      [laptop, stolen],
      () => clients.socket({ eventId: event.id, cookie }),
      async () => t.server.realtime.revoke((await resetPassword(db, link!.token, "a brand new passphrase")) ?? []),
      board,
      "ended",
    );
    expect(await db.read.select().from(accountSessions).where(eq(accountSessions.accountId, organiser.accountId))).toEqual([]);
  });

  it("archiving the event closes every participant's socket, telling them it has finished; staff keep theirs; published again, they are back as themselves", async () => {
    const { db, event, board, org } = await setUp();
    const people = [await addParticipant(db, event.id, "One"), await addParticipant(db, event.id, "Two")];
    const phones = await Promise.all(
      people.map((p) => clients.connect({ eventId: event.id, cookie: participantCookie(event.id, p) })),
    );
    await expectCutOff(
      "event archived",
      db,
      phones,
      () => clients.socket({ eventId: event.id, cookie: participantCookie(event.id, people[0] as string) }),
      async () => {
        await db.transact((tx) => tx.update(events).set({ status: "archived" }).where(eq(events.id, event.id)));
        t.server.realtime.revoke([{ kind: "event-participants", eventId: event.id }], "finished");
      },
      board,
      // Not signed out: the weekend is over, and they are told so.
      "finished",
      "finished",
    );
    expect(await send(org, "event:snapshot", {})).toMatchObject({ ok: true });
    await db.transact((tx) => tx.update(events).set({ status: "published" }).where(eq(events.id, event.id)));
    const back = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, people[1] as string) });
    expect(await send(back, "event:snapshot", {})).toMatchObject({ ok: true, result: { me: { name: "Two" } } });
  });

  it("taking the event back to draft closes every participant's socket, through the sweep alone; staff keep theirs; published again, they are back as themselves", async () => {
    const { db, event, board, org } = await setUp();
    const person = await addParticipant(db, event.id, "Early joiner");
    const phone = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, person) });
    await expectCutOff(
      "event taken back to draft",
      db,
      [phone],
      () => clients.socket({ eventId: event.id, cookie: participantCookie(event.id, person) }),
      // Straight in the database, no push: what another path or process could do.
      () => db.transact((tx) => tx.update(events).set({ status: "draft" }).where(eq(events.id, event.id))),
      board,
      // Not signed out: only kept out until it opens, and told so.
      "closed",
      "closed",
    );
    expect(await send(org, "event:snapshot", {})).toMatchObject({ ok: true });
    await db.transact((tx) => tx.update(events).set({ status: "published" }).where(eq(events.id, event.id)));
    const back = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, person) });
    expect(await send(back, "event:snapshot", {})).toMatchObject({ ok: true, result: { me: { name: "Early joiner" } } });
  });
});

describe("on two processes sharing Redis", () => {
  let redis: TestRedis;
  let dir: string;
  let a: AppProcess;
  let b: AppProcess;
  let db: Database;
  beforeAll(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), "madein-revoke-"));
    const url = `file:${join(dir, "madein.db")}`;
    a = await startAppProcess({ DATABASE_URL: url, REDIS_URL: redis.url, name: "A" });
    b = await startAppProcess({ DATABASE_URL: url, REDIS_URL: redis.url, name: "B" });
    db = await openDatabase(url);
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function setUp() {
    const organiser = await createAccount(db, "Organiser");
    const event = await createTestEvent(db, organiser.accountId);
    const board = { boardId: event.welcomeBoardId, column: event.welcomeColumn };
    const onA = clientsFor(a.url);
    const onB = clientsFor(b.url);
    const org = await onA.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    return { organiser, event, board, onA, onB, org };
  }

  it("leaving on A closes the person's socket on B", { timeout: 60_000 }, async () => {
    const { event, board, onA, onB } = await setUp();
    try {
      const p = await addParticipant(db, event.id, "Sam");
      const cookie = participantCookie(event.id, p);
      const leaving = await onA.connect({ eventId: event.id, cookie });
      const other = await onB.connect({ eventId: event.id, cookie });
      await expectCutOff(
        "2 processes: leave",
        db,
        [other],
        () => onB.socket({ eventId: event.id, cookie }),
        async () => expect(await send(leaving, "event:leave", { deleteNotes: false })).toMatchObject({ ok: true }),
        board,
      );
    } finally {
      onA.closeAll();
      onB.closeAll();
    }
  });

  it("staff on A removing a participant closes their sockets on A and B", { timeout: 60_000 }, async () => {
    const { event, board, onA, onB, org } = await setUp();
    try {
      const p = await addParticipant(db, event.id, "Alex");
      const cookie = participantCookie(event.id, p);
      const phones = [await onA.connect({ eventId: event.id, cookie }), await onB.connect({ eventId: event.id, cookie })];
      await expectCutOff(
        "2 processes: participant:remove",
        db,
        phones,
        () => onB.socket({ eventId: event.id, cookie }),
        async () => expect(await send(org, "participant:remove", { participantId: p })).toMatchObject({ ok: true }),
        board,
      );
    } finally {
      onA.closeAll();
      onB.closeAll();
    }
  });

  it("staff removal, sign-out, expiry, a new password and archiving reach both processes", { timeout: 120_000 }, async () => {
    const { event, board, onA, onB, organiser } = await setUp();
    try {
      // Removed from the staff.
      const facilitator = await createAccount(db, "Facilitator");
      await addStaff(db, event.id, facilitator.accountId, "facilitator");
      const fCookie = staffCookie(facilitator.sessionToken);
      await expectCutOff(
        "2 processes: staff removed",
        db,
        [await onA.connect({ eventId: event.id, cookie: fCookie }), await onB.connect({ eventId: event.id, cookie: fCookie })],
        () => onB.socket({ eventId: event.id, cookie: fCookie }),
        () => db.transact((tx) => removeStaff(tx, { eventId: event.id, accountId: facilitator.accountId })),
        board,
        // Found by the sweep alone, which tells a removal from a sign-out.
        "removed",
      );
      // Signed out.
      const signedOut = await createAccountSession(db, organiser.accountId);
      const sCookie = staffCookie(signedOut);
      await expectCutOff(
        "2 processes: sign-out",
        db,
        [await onA.connect({ eventId: event.id, cookie: sCookie }), await onB.connect({ eventId: event.id, cookie: sCookie })],
        () => onA.socket({ eventId: event.id, cookie: sCookie }),
        () => db.transact((tx) => endSession(tx, hashToken(signedOut))),
        board,
      );
      // Expired.
      const expiring = await createAccountSession(db, organiser.accountId);
      const eCookie = staffCookie(expiring);
      await expectCutOff(
        "2 processes: session expiry",
        db,
        [await onA.connect({ eventId: event.id, cookie: eCookie }), await onB.connect({ eventId: event.id, cookie: eCookie })],
        () => onB.socket({ eventId: event.id, cookie: eCookie }),
        () =>
          db.transact((tx) =>
            tx
              .update(accountSessions)
              .set({ expiresAt: Date.now() - 1 })
              .where(eq(accountSessions.tokenHash, hashToken(expiring))),
          ),
        board,
      );
      // A new password.
      const old = await createAccountSession(db, organiser.accountId);
      const oCookie = staffCookie(old);
      await expectCutOff(
        "2 processes: password change",
        db,
        [await onA.connect({ eventId: event.id, cookie: oCookie }), await onB.connect({ eventId: event.id, cookie: oCookie })],
        () => onA.socket({ eventId: event.id, cookie: oCookie }),
        () => newPassword(db, organiser.accountId, organiser.sessionToken, "another new passphrase"),
        board,
      );
      // Archived.
      const p = await addParticipant(db, event.id, "Jo");
      const pCookie = participantCookie(event.id, p);
      await expectCutOff(
        "2 processes: event archived",
        db,
        [await onA.connect({ eventId: event.id, cookie: pCookie }), await onB.connect({ eventId: event.id, cookie: pCookie })],
        () => onA.socket({ eventId: event.id, cookie: pCookie }),
        () => db.transact((tx) => tx.update(events).set({ status: "archived" }).where(eq(events.id, event.id))),
        board,
        // Still Jo, on both processes: told the event has finished.
        "finished",
        "finished",
      );
    } finally {
      onA.closeAll();
      onB.closeAll();
    }
  });
});
