import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, passwordResets } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Revocation } from "@/lib/realtime/handler";
import { endEverySession } from "./access";

/** How long a reset link works. Short: it is as good as the password until it is used. */
export const resetMinutes = 60;

/**
 * A reset link for the account with this (already normalised) email, or null when there is no
 * such account. The caller answers the same either way, so the form tells nobody who has one.
 */
export async function requestPasswordReset(db: Database, email: string, now = Date.now()) {
  const [account] = await db.read
    .select({ id: accounts.id, email: accounts.email, language: accounts.language })
    .from(accounts)
    .where(eq(accounts.email, email));
  if (!account) return null;
  const token = newToken();
  await db.transact((tx) =>
    tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      accountId: account.id,
      createdAt: now,
      expiresAt: now + resetMinutes * 60_000,
    }),
  );
  return { token, email: account.email, language: account.language };
}

/** Whether a reset link still works (for the page that asks for the new password). */
export async function resetLinkWorks(db: Database, token: string, now = Date.now()) {
  if (token.length > 100) return false;
  const [row] = await db.read
    .select({ accountId: passwordResets.accountId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  return Boolean(row);
}

/**
 * Sets the new password if the link is unused and unexpired, using it up in the same
 * transaction (so two tabs cannot both use it), along with every other reset link of the
 * account, and signs the account out everywhere: whoever had the old password is out. Null: the
 * link is used up, expired or made up.
 */
export async function resetPassword(
  db: Database,
  token: string,
  password: string,
  now = Date.now(),
): Promise<Revocation[] | null> {
  // A dead link is answered before the slow hash (128 MiB, a worker thread for a good part of a
  // second): otherwise anyone could make the server hash for them with a made-up token.
  if (!(await resetLinkWorks(db, token, now))) return null;
  const passwordHash = await hashPassword(password);
  return db.transact(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
      )
      .returning({ accountId: passwordResets.accountId });
    if (!used) return null;
    // The link came by email to the account's address: that address is theirs.
    await tx
      .update(accounts)
      .set({ passwordHash, emailConfirmedAt: sql`coalesce(${accounts.emailConfirmedAt}, ${now})` })
      .where(eq(accounts.id, used.accountId));
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.accountId, used.accountId), isNull(passwordResets.usedAt)));
    // Returned for the caller to close their open consoles and screens at once, as signing out
    // everywhere does, rather than at the next sweep.
    return endEverySession(tx, used.accountId);
  });
}
