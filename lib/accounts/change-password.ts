import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database, Db } from "@/db/client";
import { accounts, passwordResets } from "@/db/schema";
import { hashPassword, isPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { Revocation } from "@/lib/realtime/handler";
import { endOtherSessions } from "./access";
import { newPasswordSchema } from "./create-account";

/**
 * What the "Change password" form asks for. The new password follows the same rules as a new
 * account's; the current one is only checked for presence here (it may predate today's rules).
 */
export const passwordChangeSchema = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(200, "That password is too long."),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .superRefine((typed, ctx) => {
    if (typed.confirm !== typed.password) {
      ctx.addIssue({
        code: "custom",
        path: ["confirm"],
        message: "The two new passwords are different. Type the same one in both boxes.",
      });
    }
    // Changing to the same password would sign every other device out and protect nothing.
    if (typed.current.length > 0 && typed.password === typed.current) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "That is your current password. Choose a new one." });
    }
  });

export type PasswordChange = { accountId: string; current: string; password: string; keepSessionHash: string | null };

export type PasswordChangeOutcome =
  | { ok: true; revocations: Revocation[] }
  /** wrong_current: nothing changed. no_password: the account signs in through its organisation. */
  | { ok: false; reason: "wrong_current" | "no_password" };

/** Whether the account has a password it could change (an account made by single sign-on has none). */
export async function signsInWithPassword(db: Db, accountId: string): Promise<boolean> {
  const [account] = await db.select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId));
  return account !== undefined && isPasswordHash(account.passwordHash);
}

/**
 * A new password for an account, given its current one. The slow checks and the new hash come
 * before the write transaction, which every command of the process shares. The hash is replaced
 * only if it is still the one the current password was checked against: a change made meanwhile
 * (another tab, a reset link) means what was typed is no longer the current password. Every
 * other session ends with it; the caller revokes them (their sockets close) after the commit.
 */
export async function changePassword(db: Database, change: PasswordChange): Promise<PasswordChangeOutcome> {
  const [account] = await db.read
    .select({ passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, change.accountId));
  if (!account || !isPasswordHash(account.passwordHash)) return { ok: false, reason: "no_password" };
  if (!(await verifyPassword(change.current, account.passwordHash))) return { ok: false, reason: "wrong_current" };
  const passwordHash = await hashPassword(change.password);
  return db.transact(async (tx): Promise<PasswordChangeOutcome> => {
    const [replaced] = await tx
      .update(accounts)
      .set({ passwordHash })
      .where(and(eq(accounts.id, change.accountId), eq(accounts.passwordHash, account.passwordHash)))
      .returning({ id: accounts.id });
    if (!replaced) return { ok: false, reason: "wrong_current" };
    // A reset link asked for earlier would still set a password over this one for up to an hour:
    // someone changing theirs to lock another out must not leave them that way back in.
    await tx
      .update(passwordResets)
      .set({ usedAt: Date.now() })
      .where(and(eq(passwordResets.accountId, change.accountId), isNull(passwordResets.usedAt)));
    return { ok: true, revocations: await endOtherSessions(tx, change.accountId, change.keepSessionHash) };
  });
}
