import { activeParticipant } from "@/lib/participants/participant-views";
import type { WriteHandler } from "@/lib/realtime/handler";
import { placeInTeam } from "./place-in-team";

/** Leaves my team without joining another (e.g. to look around before choosing). */
export const leaveTeam: WriteHandler<"team:leave"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, now }) {
    const me = await activeParticipant(tx, actor);
    return placeInTeam(tx, { eventId: actor.eventId, person: me, team: null, now, admit: () => {} });
  },
};
