import { and, eq } from "drizzle-orm";
import { notes, participants, teamMembers } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { activeParticipant } from "./participant-views";
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
    const id = me.participant.id;
    await tx.delete(teamMembers).where(and(eq(teamMembers.eventId, actor.eventId), eq(teamMembers.participantId, id)));
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
      { room: rooms.teams(actor.eventId), event: "participant:left", data: { participantId: id, fromTeamId: me.teamId } },
      // Boards open on screens drop the deleted notes at once.
      ...deleted.map((n) => ({ room: rooms.board(n.boardId), event: "note:deleted" as const, data: { noteId: n.id } })),
    ];
    return { result: { notesDeleted: deleted.length }, broadcasts };
  },
};
