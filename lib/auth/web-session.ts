import "server-only";
import { eq } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { endEverySession, endSession } from "@/lib/accounts/access";
import { changePassword } from "@/lib/accounts/change-password";
import { adoptStoredLanguage } from "@/lib/i18n/choose";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { openAccountSession, type SignedInBy } from "./account-session";
import type { Actor } from "./actor";
import { accountSessionCookie, participantCookieDays, participantCookieName } from "./cookies";
import { heldOutBy } from "./held-out";
import { accountFromSession, heldOutParticipant, participantCookieValue, readParticipantCookie, resolveActor } from "./identity";
import { hashToken, sign } from "./tokens";

const day = 24 * 3600 * 1000;

export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (!secret) throw new Error("SESSION_SECRET is not set; start the app with server.ts");
  return secret;
}

/** Secure cookies whenever the person reached us over HTTPS (directly or via a proxy). */
async function isSecure() {
  const h = await headers();
  return h.get("x-forwarded-proto") === "https" || (process.env.PUBLIC_URL ?? "").startsWith("https:");
}

async function cookieOptions(maxAgeDays: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: await isSecure(), path: "/", maxAge: maxAgeDays * 24 * 3600 };
}

export async function currentAccount() {
  const db = await sharedDatabase();
  return accountFromSession(db.read, (await cookies()).get(accountSessionCookie)?.value);
}

export async function startAccountSession(accountId: string, by: SignedInBy = "password") {
  const db = await sharedDatabase();
  const { token, lifetimeMs } = await db.transact((tx) => openAccountSession(tx, accountId, by));
  (await cookies()).set(accountSessionCookie, token, await cookieOptions(lifetimeMs / day));
  // Signing in on a new laptop brings the staff member's chosen language with them.
  await adoptStoredLanguage({ accountId });
}

export async function endAccountSession() {
  const jar = await cookies();
  const token = jar.get(accountSessionCookie)?.value;
  if (token) {
    const db = await sharedDatabase();
    const revoked = await db.transact((tx) => endSession(tx, hashToken(token)));
    // This session's open consoles and screens close now, not when someone next taps.
    sharedRealtime()?.revoke(revoked);
  }
  jar.delete(accountSessionCookie);
}

/** Ends every session of the signed-in account (and their open sockets, on every process). */
export async function endEveryAccountSession() {
  const account = await currentAccount();
  if (account) {
    const db = await sharedDatabase();
    sharedRealtime()?.revoke(await db.transact((tx) => endEverySession(tx, account.id)));
  }
  (await cookies()).delete(accountSessionCookie);
}

/**
 * A new password for the signed-in account, given its current one: every other session ends and
 * its open sockets close (on every process), as with signing out everywhere, but this browser
 * stays signed in.
 */
export async function changeAccountPassword(accountId: string, typed: { current: string; password: string }) {
  const token = (await cookies()).get(accountSessionCookie)?.value;
  const outcome = await changePassword(await sharedDatabase(), {
    accountId,
    ...typed,
    keepSessionHash: token ? hashToken(token) : null,
  });
  if (outcome.ok) sharedRealtime()?.revoke(outcome.revocations);
  return outcome;
}

/** This browser is that participant's device `deviceId` (recorded by the caller). */
export async function setParticipantCookie(eventId: string, participantId: string, deviceId: string) {
  (await cookies()).set(
    participantCookieName(eventId),
    sign(participantCookieValue(participantId, deviceId), sessionSecret()),
    await cookieOptions(participantCookieDays),
  );
}

/** Who is looking at this page, in this event: staff, participant, or nobody. */
export async function actorForEvent(eventId: string): Promise<Actor | null> {
  const db = await sharedDatabase();
  const jar = await cookies();
  const map = new Map(jar.getAll().map((c) => [c.name, c.value]));
  return resolveActor(db.read, eventId, map, sessionSecret());
}

/**
 * Who may change something in this event from a form or an upload (not a socket, whose commands
 * are checked in their own transaction): actorForEvent's answer, except that a participant of a
 * finished event may only leave and take their data (lib/realtime/after-finish.ts), so they get
 * "finished", for the refusal to say why. A new write path either sends a command (a form's goes
 * through the same check as a socket's) or asks this first: both come down to `heldOutBy`.
 */
export async function actorWhoMayChange(eventId: string): Promise<Actor | "finished" | null> {
  const actor = await actorForEvent(eventId);
  if (actor?.kind !== "participant") return actor;
  const db = await sharedDatabase();
  const [event] = await db.read.select({ status: events.status }).from(events).where(eq(events.id, eventId));
  return event && heldOutBy(event.status) === "finished" ? "finished" : actor;
}

/**
 * Whether this viewer, a participant of a finished event, may now see only what is theirs (their
 * own uploads, for the data they may still take away), not the room's: their pages and sockets
 * are closed, and so are the room's photos.
 */
export async function keptToTheirOwn(viewer: Actor): Promise<boolean> {
  if (viewer.kind !== "participant") return false;
  const db = await sharedDatabase();
  const [event] = await db.read.select({ status: events.status }).from(events).where(eq(events.id, viewer.eventId));
  return !event || heldOutBy(event.status) !== null;
}

/** Why this browser's participant, still in this event, is kept out of it for now; null for anyone else. */
export async function heldOutOfEvent(eventId: string) {
  const db = await sharedDatabase();
  const jar = await cookies();
  const map = new Map(jar.getAll().map((c) => [c.name, c.value]));
  return heldOutParticipant(db.read, eventId, map, sessionSecret());
}

/** Which of the participant's devices this browser is (null: a cookie from before devices were recorded). */
export async function currentDeviceId(eventId: string) {
  const jar = await cookies();
  return readParticipantCookie(jar.get(participantCookieName(eventId))?.value, sessionSecret())?.deviceId ?? null;
}
