import type { WriteHandler } from "@/lib/realtime/handler";
import { eraseParticipant } from "./erase-participant";
import { activeParticipant } from "./participant-views";

/**
 * Leaving an event: the person is erased (eraseParticipant: out of their team, every personal
 * detail scrubbed, personal link switched off, shown as "Someone who left" wherever their work
 * stays), and what they wrote goes too if they ask. The page then clears the cookie.
 */
export const leaveEvent: WriteHandler<"event:leave"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, payload, now }) {
    const me = await activeParticipant(tx, actor);
    const erased = await eraseParticipant(tx, {
      eventId: actor.eventId,
      participantId: me.participant.id,
      deleteNotes: payload.deleteNotes,
      now,
    });
    return { result: { notesDeleted: erased.notesDeleted }, broadcasts: erased.broadcasts };
  },
};
