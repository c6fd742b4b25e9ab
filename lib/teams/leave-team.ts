import { and, eq } from "drizzle-orm";
import { teamMembers } from "@/db/schema";
import { activeParticipant, personView } from "@/lib/participants/participant-views";
import { watchPresenting } from "@/lib/presentations/presenting-watch";
import { rooms } from "@/lib/realtime/constants";
import type { WriteHandler } from "@/lib/realtime/handler";

/** Leaves my team without joining another (e.g. to look around before choosing). */
export const leaveTeam: WriteHandler<"team:leave"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor }) {
    const me = await activeParticipant(tx, actor);
    const person = personView(me.participant, null);
    const fromTeamId = me.teamId;
    if (fromTeamId === null) return { result: { person, fromTeamId }, broadcasts: [] };
    const presenting = await watchPresenting(tx, actor.eventId);
    await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.eventId, actor.eventId), eq(teamMembers.participantId, me.participant.id)));
    return {
      result: { person, fromTeamId },
      broadcasts: [
        { room: rooms.teams(actor.eventId), event: "team:membership-changed", data: { person, fromTeamId } },
        ...(await presenting()),
      ],
    };
  },
};
