import { activeParticipant } from "@/lib/participants/participant-views";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { placeInTeam } from "./place-in-team";
import { hasRoom } from "./team-rules";
import { findTeam } from "./team-views";

/** Joins a team, or moves to it from another: one tap, "voting with your feet". */
export const joinTeam: WriteHandler<"team:join"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, payload, now }) {
    const me = await activeParticipant(tx, actor);
    const team = await findTeam(tx, actor.eventId, payload.teamId);
    if (!team) throw new CommandFailure("not_found", "That team doesn't exist any more.");
    return placeInTeam(tx, {
      eventId: actor.eventId,
      person: me,
      team,
      now,
      admit: (headcount) => {
        if (!hasRoom(team.capacity, headcount)) throw new CommandFailure("conflict", "That team is full.");
      },
    });
  },
};
