import { says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { findPerson } from "@/lib/participants/participant-views";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { placeInTeam } from "./place-in-team";
import { staffPlacementProblem } from "./team-rules";
import { findTeam } from "./team-views";

/**
 * A facilitator moves someone: into a team (from none or from another), or out of theirs.
 * The same change as the person's own tap (placeInTeam), so their phone, both teams and every
 * screen follow it alike; only the capacity rule is the facilitator's (staffPlacementProblem).
 * The person and the team are looked up in the facilitator's own event only, so another event's
 * ids are answered as if they did not exist.
 */
export const moveParticipant: WriteHandler<"participant:move"> = {
  kind: "write",
  permission: "manageTeams",
  async apply(tx, { actor, payload, now }) {
    const person = await findPerson(tx, actor.eventId, payload.participantId);
    if (!person || person.participant.leftAt !== null) throw new CommandFailure("not_found", "That person isn't in this event.");
    const team = payload.teamId === null ? null : await findTeam(tx, actor.eventId, payload.teamId);
    if (payload.teamId !== null && !team) throw new CommandFailure("not_found", "That team doesn't exist any more.");
    const placed = await placeInTeam(tx, {
      eventId: actor.eventId,
      person,
      team,
      now,
      admit: (headcount) => {
        const problem = team && staffPlacementProblem(team, headcount, payload.beyondCapacity);
        if (problem) throw new CommandFailure("conflict", problem, [{ path: "beyondCapacity", message: problem }]);
      },
    });
    if (placed.broadcasts.length === 0) return placed;
    // Staff see who moved whom on the rosters; the log, kept as long as the event, says only where.
    const logged = await logActivity(tx, {
      actor,
      now,
      kind: "team",
      said: team ? says.participantMoved(team.name) : says.participantTakenOutOfTeam(),
    });
    return { ...placed, broadcasts: [...placed.broadcasts, logged] };
  },
};
