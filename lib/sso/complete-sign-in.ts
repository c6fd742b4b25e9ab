import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { accountSessions, accounts } from "@/db/schema";
import { type AcceptInviteResult, acceptInvite } from "@/lib/invites/accept-invite";
import { findInvite } from "@/lib/invites/find-invite";
import { decideSsoSignIn, type SsoClaims, type SsoRefusal, verifiedEmail } from "./decide";
import { passwordsEnabled } from "./settings";

/**
 * Stored instead of a password hash for accounts made through single sign-on: it is not a
 * scrypt hash, so no password ever matches it (verifyPassword refuses anything else).
 */
export const noPassword = "sso:no-password";

/** `landing`: where an accepted invitation takes the person (a facilitator to the console); null when none was accepted. */
export type SsoOutcome =
  | { ok: true; accountId: string; landing: string | null; broadcasts?: Extract<AcceptInviteResult, { ok: true }>["broadcasts"] }
  | { ok: false; reason: SsoRefusal };

/** An account the provider vouched for: its email confirmed, no password that could match. */
async function insertSsoAccount(tx: Tx, person: { email: string; name: string }, now: number) {
  const id = randomUUID();
  await tx
    .insert(accounts)
    .values({ id, email: person.email, name: person.name, passwordHash: noPassword, emailConfirmedAt: now });
  return id;
}

/** Thrown inside the transaction to undo a new account when its invitation was taken meanwhile. */
class Undo extends Error {}

/**
 * Applies decideSsoSignIn: reads what it needs, then makes the changes in one write transaction
 * that re-checks them (the invitation is claimed atomically; the first organiser only while
 * there is still no account).
 */
export async function completeSsoSignIn(
  db: Database,
  input: {
    claims: SsoClaims;
    allowedDomains: string[];
    inviteToken?: string;
    setup?: boolean;
    now?: number;
    /** Whether local passwords are on (passwordsEnabled() unless told). */
    passwordsOn?: boolean;
  },
): Promise<SsoOutcome> {
  const email = verifiedEmail(input.claims);
  const [existing] = email
    ? await db.read
        .select({ id: accounts.id, passwordHash: accounts.passwordHash, emailConfirmedAt: accounts.emailConfirmedAt })
        .from(accounts)
        .where(eq(accounts.email, email))
    : [];
  const invite = input.inviteToken ? ((await findInvite(db.read, input.inviteToken, input.now))?.status ?? "unknown") : "none";
  const anyone = (await db.read.select({ one: sql<number>`1` }).from(accounts).limit(1)).length > 0;
  const decision = decideSsoSignIn({
    claims: input.claims,
    allowedDomains: input.allowedDomains,
    existingAccount: existing
      ? { id: existing.id, unconfirmedPassword: existing.emailConfirmedAt === null && existing.passwordHash !== noPassword }
      : null,
    passwordsOn: input.passwordsOn ?? passwordsEnabled(),
    invite,
    firstOrganiser: input.setup === true && !anyone,
  });

  switch (decision.kind) {
    case "refuse":
      return { ok: false, reason: decision.reason };
    case "sign_in": {
      // The provider has just vouched for the address: it is confirmed from now on. An account
      // nobody had confirmed, made with a password (possible while passwords were on, by anyone
      // with an invitation link who typed this address), was never this person's: its password
      // and every session it had go, so whoever made it cannot follow them in.
      if (!existing?.emailConfirmedAt) {
        const squatted = existing !== undefined && existing.passwordHash !== noPassword;
        await db.transact(async (tx) => {
          const [confirmed] = await tx
            .update(accounts)
            .set({ emailConfirmedAt: input.now ?? Date.now(), ...(squatted ? { passwordHash: noPassword } : {}) })
            .where(and(eq(accounts.id, decision.accountId), isNull(accounts.emailConfirmedAt)))
            .returning({ id: accounts.id });
          if (confirmed && squatted) await tx.delete(accountSessions).where(eq(accountSessions.accountId, confirmed.id));
        });
      }
      if (!decision.acceptInvite || !input.inviteToken) return { ok: true, accountId: decision.accountId, landing: null };
      const token = input.inviteToken;
      const accepted = await db.transact((tx) => acceptInvite(tx, { token, accountId: decision.accountId, now: input.now }));
      return accepted.ok
        ? { ok: true, accountId: decision.accountId, landing: accepted.landing, broadcasts: accepted.broadcasts }
        : { ok: true, accountId: decision.accountId, landing: null };
    }
    case "create_and_accept": {
      const token = input.inviteToken ?? "";
      try {
        return await db.transact(async (tx) => {
          const accountId = await insertSsoAccount(tx, decision, input.now ?? Date.now());
          const accepted = await acceptInvite(tx, { token, accountId, now: input.now });
          if (!accepted.ok) throw new Undo();
          return { ok: true, accountId, landing: accepted.landing, broadcasts: accepted.broadcasts } as const;
        });
      } catch (error) {
        if (error instanceof Undo) return { ok: false, reason: "invite_unusable" };
        throw error;
      }
    }
    case "create_first_organiser": {
      try {
        return await db.transact(async (tx) => {
          const rows = await tx.select({ one: sql<number>`1` }).from(accounts).limit(1);
          if (rows.length > 0) throw new Undo();
          const accountId = await insertSsoAccount(tx, decision, input.now ?? Date.now());
          return { ok: true, accountId, landing: null } as const;
        });
      } catch (error) {
        if (error instanceof Undo) return { ok: false, reason: "no_account" };
        throw error;
      }
    }
  }
}
