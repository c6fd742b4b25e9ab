import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountSessions, accounts, eventStaff, events, participantDevices, participants } from "@/db/schema";
import type { Actor } from "./actor";
import { accountSessionCookie, participantCookieName } from "./cookies";
import { type HeldOut, heldOutBy } from "./held-out";
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

/** What a participant cookie carries: the person, and which of their devices this is. */
export const participantCookieValue = (participantId: string, deviceId: string) => `${participantId}:${deviceId}`;

/**
 * The person and device a signed participant cookie names. A cookie from before devices were
 * recorded names only the person (deviceId null): still honoured, but not listed or signed out
 * one by one (leaving, or a new personal link used elsewhere, still ends it).
 */
export function readParticipantCookie(signed: string | undefined, secret: string) {
  const value = signed ? unsign(signed, secret) : null;
  if (!value) return null;
  const [participantId, deviceId] = value.split(":");
  return participantId ? { participantId, deviceId: deviceId || null } : null;
}

/**
 * The person a participant cookie names in this event, with their event's status, while they are
 * still in it: not left, and on a device they haven't signed out.
 */
async function participantInEvent(db: Db, eventId: string, signed: string | undefined, secret: string) {
  const read = readParticipantCookie(signed, secret);
  if (!read) return null;
  const { participantId, deviceId } = read;
  if (deviceId) {
    // A device the person signed out is nobody, even with the cookie still in its jar.
    const [device] = await db
      .select({ id: participantDevices.id })
      .from(participantDevices)
      .where(and(eq(participantDevices.id, deviceId), eq(participantDevices.participantId, participantId)));
    if (!device) return null;
  }
  // Someone who left is nobody here any more, even with their old cookie in another tab.
  const [row] = await db
    .select({ id: participants.id, eventStatus: events.status })
    .from(participants)
    .innerJoin(events, eq(events.id, participants.eventId))
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId), isNull(participants.leftAt)));
  return row ? { id: row.id, deviceId, eventStatus: row.eventStatus } : null;
}

/** The participant a cookie names in this event while they are in it, the event not a draft: for who may act, and who is posting (lib/server/post-allowance.ts). */
export async function participantFromCookie(db: Db, eventId: string, signed: string | undefined, secret: string) {
  const held = await participantInEvent(db, eventId, signed, secret);
  // Nor is anyone in an event taken back to draft (a draft is private to its staff).
  return held && held.eventStatus !== "draft" ? held : null;
}

/**
 * Why these cookies' holder, someone still in this event, is kept out of it for now (it is a
 * draft, or has finished): they are nobody in it meanwhile, but still themselves, and in again
 * once it is published. Null for anyone else, strangers included: they learn nothing from it.
 */
export async function heldOutOf(db: Db, eventId: string, cookies: Map<string, string>, secret: string): Promise<HeldOut | null> {
  return (await heldOutParticipant(db, eventId, cookies, secret))?.why ?? null;
}

/** heldOutOf, with the participant it holds out (as an actor, for what the page keeps for them). */
export async function heldOutParticipant(
  db: Db,
  eventId: string,
  cookies: Map<string, string>,
  secret: string,
): Promise<{ why: HeldOut; actor: Actor } | null> {
  const held = await participantInEvent(db, eventId, cookies.get(participantCookieName(eventId)), secret);
  const why = held ? heldOutBy(held.eventStatus) : null;
  return held && why ? { why, actor: { kind: "participant", eventId, participantId: held.id, role: "participant" } } : null;
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
