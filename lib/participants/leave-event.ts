import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { notes, participantDevices, participants, teamMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms, teamsRoom } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { activeParticipant, findPerson } from "./participant-views";
import { leftName } from "./profile";

/**
 * Leaving an event: out of their team, personal details scrubbed, personal link switched off,
 * marked as left (which also refuses their cookie from now on). Their notes stay, shown as by
 * "Someone who left", unless they ask for them to be deleted. The page then clears the cookie.
 */
export const leaveEvent: WriteHandler<"event:leave"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, payload, now }) {
    const me = await activeParticipant(tx, actor);
    return leave(tx, { actor, me, payload, now });
  },
};

/**
 * Staff taking someone out of the event (a disruptive person, a duplicate sign-up): exactly the
 * same as that person leaving, through the same function, so their data goes the same way.
 */
export const removeParticipant: WriteHandler<"participant:remove"> = {
  kind: "write",
  permission: "seePrivateDetails",
  async apply(tx, { actor, payload, now }) {
    const found = await findPerson(tx, actor.eventId, payload.participantId);
    if (!found || found.participant.leftAt !== null) throw new CommandFailure("not_found", "That person isn't in this event.");
    const { result, broadcasts } = await leave(tx, { actor, me: found, payload, now });
    return { result, broadcasts, revocations: [{ kind: "participant", participantId: found.participant.id }] };
  },
};

/** The one way out of an event: by the person's own choice, or by staff removing them. */
async function leave(
  tx: Tx,
  {
    actor,
    me,
    payload,
    now,
  }: {
    actor: Pick<Actor, "eventId">;
    me: { participant: { id: string }; teamId: string | null };
    payload: { deleteNotes: boolean };
    now: number;
  },
) {
  const id = me.participant.id;
  await tx.delete(teamMembers).where(and(eq(teamMembers.eventId, actor.eventId), eq(teamMembers.participantId, id)));
  // Every browser signed in as them forgets them (and the list of their devices goes).
  await tx.delete(participantDevices).where(eq(participantDevices.participantId, id));
  const deleted = payload.deleteNotes
    ? await tx.delete(notes).where(eq(notes.authorParticipantId, id)).returning({ id: notes.id, boardId: notes.boardId })
    : [];
  await tx
    .update(participants)
    .set({
      leftAt: now,
      displayName: leftName,
      // Nobody holds this token: the old personal link stops working.
      resumeTokenHash: hashToken(newToken()),
      kind: null,
      skills: [],
      accessNeeds: "",
      contactConsent: false,
      contact: "",
      ageBand: null,
    })
    .where(eq(participants.id, id));
  const broadcasts: Broadcast[] = [
    { room: teamsRoom(actor.eventId), event: "participant:left", data: { participantId: id, fromTeamId: me.teamId } },
    // Boards open on screens drop the deleted notes at once.
    ...deleted.map((n) => ({ room: rooms.board(n.boardId), event: "note:deleted" as const, data: { noteId: n.id } })),
  ];
  return { result: { notesDeleted: deleted.length }, broadcasts };
}
