import type { Tx } from "@/db/client";
import { says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { watchPresenting } from "@/lib/presentations/presenting-watch";
import { recordAudit } from "@/lib/privacy/audit";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { eraseParticipant } from "./erase-participant";
import { activeParticipant, findPerson } from "./participant-views";

/**
 * Leaving an event: the person is erased (eraseParticipant: out of their team, every personal
 * detail scrubbed, personal link and devices switched off, shown as "Someone who left" wherever
 * their work stays), and what they wrote goes too if they ask. The page then clears the cookie.
 */
export const leaveEvent: WriteHandler<"event:leave"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, payload, now }) {
    const me = await activeParticipant(tx, actor);
    const left = await leave(tx, { eventId: actor.eventId, participantId: me.participant.id, payload, now });
    // Their other tabs and devices are told at once that they left (not, a sweep later, that
    // they are no longer signed in).
    return { ...left, revocations: [{ kind: "participant", participantId: me.participant.id }] };
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
    const { result, broadcasts, removedFiles } = await leave(tx, {
      eventId: actor.eventId,
      participantId: found.participant.id,
      payload,
      now,
    });
    if (actor.kind === "staff") {
      await recordAudit(tx, {
        eventId: actor.eventId,
        accountId: actor.accountId,
        action: "participant.removed",
        subject: `participant:${found.participant.id}`,
        now,
      });
    }
    // Who was removed is not logged: the log is read by every member of staff, for as long as the event is kept.
    const logged = await logActivity(tx, { actor, now, kind: "moderation", said: says.participantRemoved() });
    return {
      result,
      broadcasts: [...broadcasts, logged],
      removedFiles,
      revocations: [{ kind: "participant", participantId: found.participant.id }],
      signals: actor.kind === "staff" ? [{ kind: "audited", eventId: actor.eventId }] : [],
    };
  },
};

/** The one way out of an event: by the person's own choice, or by staff removing them. */
async function leave(tx: Tx, input: { eventId: string; participantId: string; payload: { deleteNotes: boolean }; now: number }) {
  const presenting = await watchPresenting(tx, input.eventId);
  const erased = await eraseParticipant(tx, {
    eventId: input.eventId,
    participantId: input.participantId,
    deleteNotes: input.payload.deleteNotes,
    now: input.now,
  });
  // The photo files go once the transaction has committed (their rows are gone, so nothing serves them).
  return {
    result: { notesDeleted: erased.notesDeleted },
    broadcasts: [...erased.broadcasts, ...(await presenting())],
    removedFiles: erased.photoStorageKeys,
  };
}
