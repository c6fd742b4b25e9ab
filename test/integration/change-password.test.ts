/**
 * "Change your password" on Your events, through the lib function the form's action calls: with
 * the wrong current password nothing changes; with the right one the new password signs in, the
 * old one no longer does, every other session of the person ends and the one that changed it
 * stays. The sockets of the ended sessions closing is test/integration/revocation.test.ts.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { accountSessions, accounts } from "@/db/schema";
import { authenticate } from "@/lib/accounts/authenticate";
import { changePassword, signsInWithPassword } from "@/lib/accounts/change-password";
import { requestPasswordReset, resetLinkWorks, resetPassword } from "@/lib/accounts/password-reset";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { noPassword } from "@/lib/sso/complete-sign-in";
import { createAccount, createAccountSession, openTempDatabase } from "./support/fixtures";

/** Runs before the new password is hashed: a test makes something happen "meanwhile". */
const meanwhile = vi.hoisted(() => ({ run: null as null | (() => Promise<void>) }));
vi.mock("@/lib/auth/password", async (real) => {
  const actual = await real<typeof import("@/lib/auth/password")>();
  return {
    ...actual,
    hashPassword: async (password: string) => {
      const run = meanwhile.run;
      meanwhile.run = null;
      await run?.();
      return actual.hashPassword(password);
    },
  };
});

const oldPassword = "correct horse battery staple";
const newPassword = "a new sentence to remember";

describe("changing a password", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;
  beforeEach(async () => {
    temp = await openTempDatabase();
    db = temp.db;
    meanwhile.run = null;
  });
  afterEach(() => temp.cleanup());

  /** Sam, with a password, signed in here (`here`) and on two other devices. */
  async function sam() {
    const { accountId, sessionToken: here } = await createAccount(db, "Sam");
    const email = `${accountId}@example.test`;
    const passwordHash = await hashPassword(oldPassword);
    await db.transact((tx) => tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId)));
    const elsewhere = [await createAccountSession(db, accountId), await createAccountSession(db, accountId)];
    return { accountId, email, here, elsewhere };
  }
  const sessionsOf = async (accountId: string) =>
    (await db.read.select().from(accountSessions).where(eq(accountSessions.accountId, accountId))).map((s) => s.tokenHash).sort();
  const storedHash = async (accountId: string) =>
    (await db.read.select({ h: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId)))[0]?.h;
  const signsIn = async (email: string, password: string) => (await authenticate(db.read, { email, password })) !== null;

  it("with the wrong current password changes nothing: the old password still signs in, every session stays", async () => {
    const { accountId, email, here, elsewhere } = await sam();
    const hashBefore = await storedHash(accountId);
    const sessionsBefore = await sessionsOf(accountId);

    const outcome = await changePassword(db, {
      accountId,
      current: "not my password at all",
      password: newPassword,
      keepSessionHash: hashToken(here),
    });

    expect(outcome).toEqual({ ok: false, reason: "wrong_current" });
    expect(await storedHash(accountId)).toBe(hashBefore);
    expect(await sessionsOf(accountId)).toEqual(sessionsBefore);
    expect(sessionsBefore).toHaveLength(1 + elsewhere.length);
    expect(await signsIn(email, oldPassword)).toBe(true);
    expect(await signsIn(email, newPassword)).toBe(false);
  });

  it("with the right one sets the new password and ends every other session, keeping this one", async () => {
    const { accountId, email, here, elsewhere } = await sam();
    const colleague = await createAccount(db, "Colleague");

    const outcome = await changePassword(db, {
      accountId,
      current: oldPassword,
      password: newPassword,
      keepSessionHash: hashToken(here),
    });

    expect(outcome.ok).toBe(true);
    // Exactly the other devices' sessions are handed back, for their sockets to close.
    expect(outcome.ok && outcome.revocations.map((r) => (r.kind === "session" ? r.tokenHash : r.kind)).sort()).toEqual(
      elsewhere.map(hashToken).sort(),
    );
    expect(await sessionsOf(accountId)).toEqual([hashToken(here)]);
    expect(await signsIn(email, newPassword)).toBe(true);
    expect(await signsIn(email, oldPassword)).toBe(false);
    // Nobody else is signed out.
    expect(await sessionsOf(colleague.accountId)).toEqual([hashToken(colleague.sessionToken)]);
    // The new password is stored hashed, never as typed.
    expect(await storedHash(accountId)).not.toContain(newPassword);
  });

  it("uses up a reset link asked for before: it cannot set a password over the new one", async () => {
    const { accountId, email, here } = await sam();
    const link = await requestPasswordReset(db, email);
    expect(link).not.toBeNull();
    expect(
      (await changePassword(db, { accountId, current: oldPassword, password: newPassword, keepSessionHash: hashToken(here) })).ok,
    ).toBe(true);
    expect(await resetLinkWorks(db, link!.token)).toBe(false);
    expect(await resetPassword(db, link!.token, "someone else's password")).toBeNull();
    expect(await signsIn(email, newPassword)).toBe(true);
  });

  it("does not overwrite a password changed meanwhile (another tab, a reset link): what was typed is no longer current", async () => {
    const { accountId, email, here } = await sam();
    const fromTheResetLink = "chosen through a reset link";
    meanwhile.run = async () => {
      const passwordHash = await hashPassword(fromTheResetLink);
      await db.transact((tx) => tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId)));
    };

    const outcome = await changePassword(db, {
      accountId,
      current: oldPassword,
      password: newPassword,
      keepSessionHash: hashToken(here),
    });

    expect(outcome).toEqual({ ok: false, reason: "wrong_current" });
    expect(await signsIn(email, fromTheResetLink)).toBe(true);
    expect(await signsIn(email, newPassword)).toBe(false);
    expect(await sessionsOf(accountId)).toHaveLength(3);
  });

  it("an account made by single sign-on has no password to change, and gains none", async () => {
    const { accountId, sessionToken } = await createAccount(db, "Signed in by the council");
    await db.transact((tx) => tx.update(accounts).set({ passwordHash: noPassword }).where(eq(accounts.id, accountId)));
    expect(await signsInWithPassword(db.read, accountId)).toBe(false);

    const outcome = await changePassword(db, {
      accountId,
      current: noPassword,
      password: newPassword,
      keepSessionHash: hashToken(sessionToken),
    });

    expect(outcome).toEqual({ ok: false, reason: "no_password" });
    expect(await storedHash(accountId)).toBe(noPassword);
  });
});
