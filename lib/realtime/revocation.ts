import { type Actor, actorKey } from "@/lib/auth/actor";
import type { Revocation } from "./handler";

/**
 * Rooms named after who holds a socket: `io.in(room).disconnectSockets()` reaches every socket of
 * one identity, on every process; and a few messages meant for one person only (another device
 * signed in as them, the language they chose) go to theirs.
 */
const who = {
  person: (eventId: string, key: string) => `who:${eventId}:${key}`,
  participantsOf: (eventId: string) => `who:${eventId}:participants`,
  participant: (participantId: string) => `who:p:${participantId}`,
  device: (deviceId: string) => `who:d:${deviceId}`,
  account: (accountId: string) => `who:a:${accountId}`,
  session: (tokenHash: string) => `who:session:${tokenHash}`,
};

/** Where to tell a participant's devices something (e.g. that another device signed in). */
export const participantRoom = (participantId: string) => who.participant(participantId);
/** Where to tell a staff member's open consoles and screens something (e.g. the language they chose). */
export const accountRoom = (accountId: string) => who.account(accountId);
/** Where to tell one person's screens in one event something, participant or staff (`key`: their actorKey). */
export const personRoom = (eventId: string, key: string) => who.person(eventId, key);

export function identityRooms(actor: Actor, sessionHash: string | null, deviceId: string | null = null): string[] {
  const mine = [who.person(actor.eventId, actorKey(actor))];
  if (deviceId) mine.push(who.device(deviceId));
  if (actor.kind === "participant") mine.push(who.participantsOf(actor.eventId), who.participant(actor.participantId));
  else {
    mine.push(who.account(actor.accountId));
    if (sessionHash) mine.push(who.session(sessionHash));
  }
  return mine;
}

export function revocationRoom(r: Revocation | { kind: "person"; eventId: string; key: string }): string {
  switch (r.kind) {
    case "participant":
      return who.participant(r.participantId);
    case "device":
      return who.device(r.deviceId);
    case "staff":
      return who.person(r.eventId, `a:${r.accountId}`);
    case "session":
      return who.session(r.tokenHash);
    case "account":
      return who.account(r.accountId);
    case "event-participants":
      return who.participantsOf(r.eventId);
    case "person":
      return who.person(r.eventId, r.key);
  }
}
