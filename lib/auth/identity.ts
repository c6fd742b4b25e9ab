import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountSessions, accounts, eventStaff, participants } from "@/db/schema";
import type { Actor } from "./actor";
import { accountSessionCookie, participantCookieName } from "./cookies";
import { hashToken, unsign } from "./tokens";

export type SignedInAccount = { id: string; email: string; name: string };

/** The organiser/facilitator account behind a session cookie, if the session is live. */
export async function accountFromSession(db: Db, token: string | undefined, now = Date.now()) {
  if (!token) return null;
  const [row] = await db
    .select({ id: accounts.id, email: accounts.email, name: accounts.name })
    .from(accountSessions)
    .innerJoin(accounts, eq(accounts.id, accountSessions.accountId))
    .where(and(eq(accountSessions.tokenHash, hashToken(token)), gt(accountSessions.expiresAt, now)));
  return (row as SignedInAccount | undefined) ?? null;
}

export async function staffRole(db: Db, eventId: string, accountId: string) {
  const [row] = await db
    .select({ role: eventStaff.role })
    .from(eventStaff)
    .where(and(eq(eventStaff.eventId, eventId), eq(eventStaff.accountId, accountId)));
  return row?.role ?? null;
}

export async function participantFromCookie(db: Db, eventId: string, signed: string | undefined, secret: string) {
  const participantId = signed ? unsign(signed, secret) : null;
  if (!participantId) return null;
  // Someone who left is nobody here any more, even with their old cookie in another tab.
  const [row] = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId), isNull(participants.leftAt)));
  return row ?? null;
}

/**
 * Who the holder of these cookies is in this event. Staff roles win over a participant
 * cookie, so an organiser testing the phone view keeps their powers on their own laptop.
 */
export async function resolveActor(db: Db, eventId: string, cookies: Map<string, string>, secret: string): Promise<Actor | null> {
  const account = await accountFromSession(db, cookies.get(accountSessionCookie));
  if (account) {
    const role = await staffRole(db, eventId, account.id);
    if (role) return { kind: "staff", eventId, accountId: account.id, name: account.name, role };
  }
  const participant = await participantFromCookie(db, eventId, cookies.get(participantCookieName(eventId)), secret);
  if (participant) {
    return { kind: "participant", eventId, participantId: participant.id, role: "participant" };
  }
  return null;
}
