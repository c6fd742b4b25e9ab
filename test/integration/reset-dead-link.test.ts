/**
 * A password reset with a dead link is answered before the password is hashed: the hash takes
 * 128 MiB and a worker thread for a good part of a second, and the reset form is open to anyone.
 * The hash is counted through the real function (nothing else about it is changed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { createAccount, openTempDatabase } from "./support/fixtures";

const hashed = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (real) => {
  const actual = await real<typeof import("@/lib/auth/password")>();
  return {
    ...actual,
    hashPassword: (password: string) => {
      hashed.count++;
      return actual.hashPassword(password);
    },
  };
});

describe("a password reset", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;
  beforeEach(async () => {
    temp = await openTempDatabase();
    db = temp.db;
    hashed.count = 0;
  });
  afterEach(() => temp.cleanup());

  it("with a made-up, used or expired link hashes nothing; with a live one, hashes once", async () => {
    const { accountId } = await createAccount(db);
    const account = { email: `${accountId}@example.test` };
    expect(await resetPassword(db, "made-up-token", "a brand new password")).toBeNull();
    const expired = await requestPasswordReset(db, account.email, Date.now() - 2 * 60 * 60_000);
    expect(await resetPassword(db, expired!.token, "a brand new password")).toBeNull();
    expect(hashed.count).toBe(0);
    const live = await requestPasswordReset(db, account.email);
    expect(await resetPassword(db, live!.token, "a brand new password")).not.toBeNull();
    expect(hashed.count).toBe(1);
    expect(await resetPassword(db, live!.token, "another new password")).toBeNull();
    expect(hashed.count).toBe(1);
  });
});
