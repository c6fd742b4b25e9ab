import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { accounts, eventStaff, type StaffRole } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { createEvent } from "@/lib/events/create-event";
import { acceptInvite } from "./accept-invite";
import { createInvite, inviteLifetimeMs, inviteRoleSchema } from "./create-invite";
import { findInvite, listPendingInvites } from "./find-invite";
import { revokeInvite } from "./revoke-invite";

const file = join(tmpdir(), `madein-invites-${randomUUID()}.db`);
let db: Database;

beforeAll(async () => {
  await migrateDatabase(`file:${file}`);
  db = await openDatabase(`file:${file}`);
});
afterAll(() => {
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});

async function account(name = "Someone") {
  const id = randomUUID();
  await db.transact((tx) => tx.insert(accounts).values({ id, name, email: `${id}@example.org`, passwordHash: "scrypt$x" }));
  return id;
}

/** An event with its organiser, and an invitation to it. */
async function setUp(role: StaffRole = "facilitator", now = Date.now()) {
  const organiserId = await account("Organiser");
  const event = await db.transact((tx) =>
    createEvent(tx, { name: `Weekend ${randomUUID().slice(0, 6)}`, createdBy: organiserId }),
  );
  const invite = await db.transact((tx) => createInvite(tx, { eventId: event.id, role, createdBy: organiserId, now }));
  return { organiserId, event, invite };
}

const roleOf = async (eventId: string, accountId: string) =>
  (
    await db.read
      .select({ role: eventStaff.role })
      .from(eventStaff)
      .where(and(eq(eventStaff.eventId, eventId), eq(eventStaff.accountId, accountId)))
  )[0]?.role ?? null;

describe("invitations", () => {
  it("only accepts the two staff roles", () => {
    expect(inviteRoleSchema.safeParse("organiser").success).toBe(true);
    expect(inviteRoleSchema.safeParse("facilitator").success).toBe(true);
    expect(inviteRoleSchema.safeParse("participant").success).toBe(false);
  });

  it("stores only a hash of the token and expires in 7 days", async () => {
    const now = Date.now();
    const { event, invite } = await setUp("organiser", now);
    expect(invite.expiresAt).toBe(now + inviteLifetimeMs);
    const [pending] = await listPendingInvites(db.read, event.id, now);
    expect(pending?.tokenHash).toBe(hashToken(invite.token));
    expect(pending?.tokenHash).not.toBe(invite.token);
  });

  it("is found by its token, with the event it leads to", async () => {
    const { event, invite } = await setUp("organiser");
    expect(await findInvite(db.read, invite.token)).toMatchObject({
      status: "valid",
      role: "organiser",
      event: { slug: event.slug },
    });
    expect(await findInvite(db.read, "not-a-token")).toBeNull();
  });

  it("gives the accepting account the role, once", async () => {
    const { event, invite } = await setUp("facilitator");
    const guest = await account();
    const accepted = await db.transact((tx) => acceptInvite(tx, { token: invite.token, accountId: guest }));
    expect(accepted).toMatchObject({
      ok: true,
      eventId: event.id,
      slug: event.slug,
      role: "facilitator",
      // A facilitator lands on the console.
      landing: `/f/${event.slug}`,
    });
    // The consoles hear who joined the staff (to hand them the lead) without a reload.
    if (!accepted.ok) throw new Error("refused");
    expect(accepted.broadcasts.map((b) => b.event)).toEqual(["staff:changed"]);
    expect(accepted.broadcasts[0]?.data).toMatchObject({
      staff: [{ role: "organiser" }, { accountId: guest, role: "facilitator" }],
    });
    expect(await roleOf(event.id, guest)).toBe("facilitator");

    const other = await account();
    expect(await db.transact((tx) => acceptInvite(tx, { token: invite.token, accountId: other }))).toEqual({
      ok: false,
      reason: "used",
    });
    expect(await roleOf(event.id, other)).toBeNull();
    expect((await findInvite(db.read, invite.token))?.status).toBe("used");
    expect(await listPendingInvites(db.read, event.id)).toHaveLength(0);
  });

  it("lets exactly one of two simultaneous acceptances through", async () => {
    const { event, invite } = await setUp("organiser");
    const [a, b] = [await account(), await account()];
    const results = await Promise.all(
      [a, b].map((id) => db.transact((tx) => acceptInvite(tx, { token: invite.token, accountId: id }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const roles = await Promise.all([a, b].map((id) => roleOf(event.id, id)));
    expect(roles.filter((r) => r === "organiser")).toHaveLength(1);
  });

  it("refuses an expired invitation", async () => {
    const now = Date.now();
    const { event, invite } = await setUp("facilitator", now - inviteLifetimeMs - 1);
    expect((await findInvite(db.read, invite.token, now))?.status).toBe("expired");
    const guest = await account();
    expect(await db.transact((tx) => acceptInvite(tx, { token: invite.token, accountId: guest, now }))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await listPendingInvites(db.read, event.id, now)).toHaveLength(0);
  });

  it("refuses an unknown token", async () => {
    const guest = await account();
    expect(await db.transact((tx) => acceptInvite(tx, { token: "made-up", accountId: guest }))).toEqual({
      ok: false,
      reason: "unknown",
    });
  });

  it("upgrades a facilitator invited to organise, and never downgrades an organiser", async () => {
    const { event, organiserId } = await setUp();
    const facilitator = await account();
    const asFacilitator = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: organiserId }),
    );
    await db.transact((tx) => acceptInvite(tx, { token: asFacilitator.token, accountId: facilitator }));
    expect(await roleOf(event.id, facilitator)).toBe("facilitator");

    const asOrganiser = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "organiser", createdBy: organiserId }),
    );
    const upgraded = await db.transact((tx) => acceptInvite(tx, { token: asOrganiser.token, accountId: facilitator }));
    expect(upgraded).toMatchObject({ ok: true, role: "organiser" });
    expect(await roleOf(event.id, facilitator)).toBe("organiser");

    const again = await db.transact((tx) => createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: organiserId }));
    const kept = await db.transact((tx) => acceptInvite(tx, { token: again.token, accountId: organiserId }));
    expect(kept).toMatchObject({ ok: true, role: "organiser" });
    expect(await roleOf(event.id, organiserId)).toBe("organiser");
  });

  it("can be revoked before use, after which the link is unknown", async () => {
    const { event, invite } = await setUp();
    expect(await db.transact((tx) => revokeInvite(tx, { eventId: event.id, tokenHash: hashToken(invite.token) }))).toBe(true);
    expect(await findInvite(db.read, invite.token)).toBeNull();
    const guest = await account();
    expect(await db.transact((tx) => acceptInvite(tx, { token: invite.token, accountId: guest }))).toMatchObject({
      ok: false,
      reason: "unknown",
    });
  });

  it("cannot be revoked through another event, or once accepted", async () => {
    const { event, invite } = await setUp();
    const elsewhere = await setUp();
    const tokenHash = hashToken(invite.token);
    expect(await db.transact((tx) => revokeInvite(tx, { eventId: elsewhere.event.id, tokenHash }))).toBe(false);
    const guest = await account();
    await db.transact((tx) => acceptInvite(tx, { token: invite.token, accountId: guest }));
    expect(await db.transact((tx) => revokeInvite(tx, { eventId: event.id, tokenHash }))).toBe(false);
    expect((await findInvite(db.read, invite.token))?.status).toBe("used");
  });
});
