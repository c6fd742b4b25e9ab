import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accountSessions, accounts, eventStaff } from "@/db/schema";
import { createAccount, prepareAccount } from "@/lib/accounts/create-account";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { accountFromSession } from "@/lib/auth/identity";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { createEvent } from "@/lib/events/create-event";
import { createInvite } from "@/lib/invites/create-invite";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import { completeSsoSignIn, noPassword } from "./complete-sign-in";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Database;
beforeAll(async () => {
  temp = await openTempDatabase();
  db = temp.db;
});
afterAll(() => temp.cleanup());

const claims = (email: string) => ({ email, email_verified: true, name: "Council Officer" });
const allowedDomains = ["council.example"];

describe("completing an SSO sign-in", () => {
  it("makes the first organiser of an empty installation only once", async () => {
    const first = await completeSsoSignIn(db, { claims: claims("first@council.example"), allowedDomains, setup: true });
    expect(first).toMatchObject({ ok: true });
    const second = await completeSsoSignIn(db, { claims: claims("second@council.example"), allowedDomains, setup: true });
    expect(second).toEqual({ ok: false, reason: "no_account" });
  });

  it("creates an account for an invitation with exactly the invited role, and no usable password", async () => {
    const [organiser] = await db.read.select().from(accounts).limit(1);
    const event = await db.transact((tx) => createEvent(tx, { name: "Weekend", createdBy: organiser!.id }));
    const invite = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: organiser!.id }),
    );
    const email = `new.${randomUUID().slice(0, 6)}@council.example`;
    const outcome = await completeSsoSignIn(db, { claims: claims(email), allowedDomains, inviteToken: invite.token });
    expect(outcome).toMatchObject({ ok: true, landing: `/f/${event.slug}` });
    if (!outcome.ok) throw new Error("refused");
    const [role] = await db.read
      .select({ role: eventStaff.role })
      .from(eventStaff)
      .where(and(eq(eventStaff.eventId, event.id), eq(eventStaff.accountId, outcome.accountId)));
    expect(role?.role).toBe("facilitator");
    const [account] = await db.read.select().from(accounts).where(eq(accounts.id, outcome.accountId));
    expect(account?.passwordHash).toBe(noPassword);
    expect(await verifyPassword(noPassword, account?.passwordHash ?? "")).toBe(false);

    // The link is used up: someone else with it is refused, and gets no account.
    const other = `other.${randomUUID().slice(0, 6)}@council.example`;
    expect(await completeSsoSignIn(db, { claims: claims(other), allowedDomains, inviteToken: invite.token })).toEqual({
      ok: false,
      reason: "invite_unusable",
    });
    expect(await db.read.select().from(accounts).where(eq(accounts.email, other))).toHaveLength(0);
    // Signing in again finds the same account by email.
    expect(await completeSsoSignIn(db, { claims: claims(email.toUpperCase()), allowedDomains })).toEqual({
      ok: true,
      accountId: outcome.accountId,
      landing: null,
    });
  });

  it("will not put someone into an account another person made with their address, until a mailed reset link proves it", async () => {
    const [organiser] = await db.read.select().from(accounts).limit(1);
    const event = await db.transact((tx) => createEvent(tx, { name: "Another weekend", createdBy: organiser!.id }));
    // Anyone holding an invitation link may type any address: here, the real Jane's.
    const email = `jane.${randomUUID().slice(0, 6)}@council.example`;
    const squatter = await db.transact(async (tx) =>
      createAccount(tx, await prepareAccount({ name: "Not Jane", email, password: "correct horse battery" })),
    );
    if (!squatter.ok) throw new Error("not created");
    const invite = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "organiser", createdBy: organiser!.id }),
    );

    const refused = await completeSsoSignIn(db, {
      claims: claims(email),
      allowedDomains,
      inviteToken: invite.token,
      passwordsOn: true,
    });
    expect(refused).toEqual({ ok: false, reason: "unconfirmed_account" });
    // Nothing was given to the account meanwhile.
    expect(await db.read.select().from(eventStaff).where(eq(eventStaff.accountId, squatter.accountId))).toHaveLength(0);

    // The reset link goes to the address: whoever uses it owns it, and the squatter's password is gone.
    const reset = await requestPasswordReset(db, email);
    expect(await resetPassword(db, reset!.token, "jane's own new password")).not.toBeNull();
    expect(
      await completeSsoSignIn(db, { claims: claims(email), allowedDomains, inviteToken: invite.token, passwordsOn: true }),
    ).toMatchObject({
      ok: true,
      accountId: squatter.accountId,
      landing: `/o/${event.slug}`,
    });
  });

  it("confirms the address of an account it signs in, so a later sign-in with passwords on still matches", async () => {
    const email = `pat.${randomUUID().slice(0, 6)}@council.example`;
    const made = await db.transact(async (tx) =>
      createAccount(tx, await prepareAccount({ name: "Pat", email, password: "correct horse battery" })),
    );
    if (!made.ok) throw new Error("not created");
    // Passwords off: the provider's word is enough, and it is kept.
    expect(await completeSsoSignIn(db, { claims: claims(email), allowedDomains, passwordsOn: false })).toMatchObject({
      ok: true,
    });
    const [row] = await db.read.select({ at: accounts.emailConfirmedAt }).from(accounts).where(eq(accounts.id, made.accountId));
    expect(row?.at).not.toBeNull();
    expect(await completeSsoSignIn(db, { claims: claims(email), allowedDomains, passwordsOn: true })).toMatchObject({ ok: true });
  });

  it("takes an unconfirmed account's password and sessions away when the address's owner signs in with passwords off", async () => {
    // Made while passwords were on, by someone who typed another person's address.
    const email = `jane.${randomUUID().slice(0, 6)}@council.example`;
    const password = "the squatter's password";
    const made = await db.transact(async (tx) => createAccount(tx, await prepareAccount({ name: "Jane", email, password })));
    if (!made.ok) throw new Error("not created");
    const session = newToken();
    await db.transact((tx) =>
      tx
        .insert(accountSessions)
        .values({ tokenHash: hashToken(session), accountId: made.accountId, expiresAt: Date.now() + 3_600_000 }),
    );
    expect(await accountFromSession(db.read, session)).not.toBeNull();

    expect(await completeSsoSignIn(db, { claims: claims(email), allowedDomains, passwordsOn: false })).toMatchObject({
      ok: true,
      accountId: made.accountId,
    });
    const [row] = await db.read.select().from(accounts).where(eq(accounts.id, made.accountId));
    expect(row?.passwordHash).toBe(noPassword);
    expect(await verifyPassword(password, row?.passwordHash ?? "")).toBe(false);
    expect(await accountFromSession(db.read, session)).toBeNull();
  });

  it("signs in the invited account when the provider spells the same address in another Unicode form or case", async () => {
    const [organiser] = await db.read.select().from(accounts).limit(1);
    const event = await db.transact((tx) => createEvent(tx, { name: "Weekend", createdBy: organiser!.id }));
    const invite = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: organiser!.id }),
    );
    // Invited and signed in once as "renée" (é precomposed, NFC), as the invitation form stores it…
    const tag = randomUUID().slice(0, 6);
    const first = await completeSsoSignIn(db, {
      claims: claims(`ren\u00e9e.${tag}@council.example`),
      allowedDomains: ["Council.Example"],
      inviteToken: invite.token,
    });
    if (!first.ok) throw new Error(`refused: ${first.reason}`);
    // …then the provider sends it decomposed (e + combining accent), with the domain in capitals
    // and fullwidth: the same mailbox, the same account, not "no account".
    const again = await completeSsoSignIn(db, {
      claims: claims(`rene\u0301e.${tag}@\uFF23OUNCIL.EXAMPLE`),
      allowedDomains: ["Council.Example"],
    });
    expect(again).toMatchObject({ ok: true, accountId: first.accountId });
    expect(
      await db.read
        .select()
        .from(accounts)
        .where(eq(accounts.email, `ren\u00e9e.${tag}@council.example`)),
    ).toHaveLength(1);
  });
});
