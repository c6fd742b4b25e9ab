import { and, count, eq, ne } from "drizzle-orm";
import { teamMembers } from "@/db/schema";
import { activeParticipant, personView } from "@/lib/participants/participant-views";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/constants";
import type { WriteHandler } from "@/lib/realtime/handler";
import { hasRoom } from "./team-rules";
import { findTeam } from "./team-views";

/**
 * Joins a team, or moves to it from another: one tap, "voting with your feet". The count and
 * the write happen in the same transaction (writes are serialised), so capacity holds however
 * many phones tap at once; the primary key (event, participant) makes a second team impossible.
 */
export const joinTeam: WriteHandler<"team:join"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, payload, now }) {
    const me = await activeParticipant(tx, actor);
    const team = await findTeam(tx, actor.eventId, payload.teamId);
    if (!team) throw new CommandFailure("not_found", "That team doesn't exist any more.");
    const fromTeamId = me.teamId;
    if (fromTeamId === team.id) {
      // Already there (a second tab, a double tap): nothing changes, nothing to broadcast.
      return { result: { person: personView(me.participant, team.id), fromTeamId }, broadcasts: [] };
    }
    const [others] = await tx
      .select({ n: count() })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), ne(teamMembers.participantId, me.participant.id)));
    if (!hasRoom(team.capacity, others?.n ?? 0)) throw new CommandFailure("conflict", "That team is full.");
    await tx
      .insert(teamMembers)
      .values({ eventId: actor.eventId, participantId: me.participant.id, teamId: team.id, joinedAt: now })
      .onConflictDoUpdate({ target: [teamMembers.eventId, teamMembers.participantId], set: { teamId: team.id, joinedAt: now } });
    const person = personView(me.participant, team.id);
    return {
      result: { person, fromTeamId },
      broadcasts: [{ room: rooms.teams(actor.eventId), event: "team:membership-changed", data: { person, fromTeamId } }],
    };
  },
};
