import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { participants, teamMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { PersonView, PrivateDetails } from "@/lib/realtime/contract-teams";
import { publicName } from "./profile";

type Reader = Db | Tx;
type ParticipantRow = typeof participants.$inferSelect;

/** `joinNumber`: joinNumberOf(p) (lib/participants/join-number.ts); screens get the order people joined in, never the time. */
export const personView = (p: ParticipantRow, teamId: string | null, joinNumber: number): PersonView => ({
  id: p.id,
  name: publicName(p),
  kind: p.kind,
  skills: p.skills,
  teamId,
  joinNumber,
});

export const privateDetails = (p: ParticipantRow): PrivateDetails => ({
  participantId: p.id,
  displayName: p.displayName,
  ageBand: p.ageBand,
  accessNeeds: p.accessNeeds,
  contactConsent: p.contactConsent,
  contact: p.contact,
});

/** Everyone still in the event, with the team each is in (if any). */
export async function findPeople(db: Reader, eventId: string) {
  const rows = await db
    .select({ participant: participants, teamId: teamMembers.teamId })
    .from(participants)
    .leftJoin(teamMembers, and(eq(teamMembers.eventId, participants.eventId), eq(teamMembers.participantId, participants.id)))
    .where(and(eq(participants.eventId, eventId), isNull(participants.leftAt)))
    .orderBy(participants.createdAt);
  return rows;
}

export async function findPerson(db: Reader, eventId: string, participantId: string) {
  const [row] = await db
    .select({ participant: participants, teamId: teamMembers.teamId })
    .from(participants)
    .leftJoin(teamMembers, and(eq(teamMembers.eventId, participants.eventId), eq(teamMembers.participantId, participants.id)))
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)));
  return row ?? null;
}

/**
 * The acting participant, still in the event. Staff take part through their console, not a
 * team; someone who left may still have a tab open, and is told so.
 */
export async function activeParticipant(tx: Reader, actor: Actor) {
  if (actor.kind !== "participant") {
    throw new CommandFailure("forbidden", "Only participants can do that. Join from a phone with the event's code to take part.");
  }
  const found = await findPerson(tx, actor.eventId, actor.participantId);
  if (!found || found.participant.leftAt !== null) {
    throw new CommandFailure("unauthenticated", "You've left this event. Join again with the code to take part.");
  }
  return found;
}
