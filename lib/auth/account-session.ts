import type { Tx } from "@/db/client";
import { accountSessions } from "@/db/schema";
import { accountSessionDays } from "./cookies";
import { hashToken, newToken } from "./tokens";

/** How someone proved who they are: their password here, or the council's identity provider. */
export type SignedInBy = "password" | "provider";

const hour = 3600 * 1000;

/**
 * How long a session lasts. One the identity provider vouched for ends after 12 hours: the
 * provider is where the council disables a leaver, and we never hear of it, so a month-long
 * session would outlive their access by weeks. Signing in again sends them back to the provider,
 * which lets them straight through (one redirect) while they are still allowed, and refuses them
 * once they are not. 12 hours covers a working day, so nobody is sent away mid-session.
 */
export function sessionLifetimeMs(by: SignedInBy): number {
  return by === "provider" ? 12 * hour : accountSessionDays * 24 * hour;
}

/** Records a new session for the account; the token (only its hash is stored) goes in the cookie. */
export async function openAccountSession(tx: Tx, accountId: string, by: SignedInBy, now = Date.now()) {
  const token = newToken();
  const lifetimeMs = sessionLifetimeMs(by);
  await tx.insert(accountSessions).values({ tokenHash: hashToken(token), accountId, expiresAt: now + lifetimeMs });
  return { token, lifetimeMs };
}
