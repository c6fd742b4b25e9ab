import type { Tx } from "@/db/client";
import { accountSessions } from "@/db/schema";
import { readSsoEnv } from "@/lib/config/operations-env";
import { accountSessionDays } from "./cookies";
import { hashToken, newToken } from "./tokens";

/** How someone proved who they are: their password here, or the council's identity provider. */
export type SignedInBy = "password" | "provider";

const hour = 3600 * 1000;

/**
 * A session the identity provider vouched for, unless OIDC_SESSION_HOURS says otherwise: the
 * provider is where the council disables a leaver, and we never hear of it, so a month-long
 * session would outlive their access by weeks. Signing in again sends them back to the provider,
 * which lets them straight through (one redirect) while they are still allowed, and refuses them
 * once they are not. Not shorter by default: a weekend runs from Friday evening to Sunday, and a
 * projector or console signed in before the kick-off must not be signed out mid-event.
 */
export const providerSessionHoursDefault = 72;

/** How long a session lasts: a password's 30 days, a provider's OIDC_SESSION_HOURS. */
export function sessionLifetimeMs(by: SignedInBy, hours = readSsoEnv().OIDC_SESSION_HOURS): number {
  return by === "provider" ? (hours ?? providerSessionHoursDefault) * hour : accountSessionDays * 24 * hour;
}

/** Records a new session for the account; the token (only its hash is stored) goes in the cookie. */
export async function openAccountSession(tx: Tx, accountId: string, by: SignedInBy, now = Date.now()) {
  const token = newToken();
  const lifetimeMs = sessionLifetimeMs(by);
  await tx.insert(accountSessions).values({ tokenHash: hashToken(token), accountId, expiresAt: now + lifetimeMs });
  return { token, lifetimeMs };
}
