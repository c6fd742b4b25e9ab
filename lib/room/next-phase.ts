import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { findPhases } from "./find-phases";
import { nextPhase } from "./phases";
import { readRoom } from "./room-store";
import { enterPhase } from "./start-phase";

/**
 * Starts the phase after the one the sender saw as current. If another facilitator moved on in
 * the meantime, this is refused rather than skipping a phase nobody meant to skip.
 */
export const startNextPhase: WriteHandler<"phase:next"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const [room, agenda] = await Promise.all([readRoom(tx, actor.eventId), findPhases(tx, actor.eventId)]);
    const current = room.phase?.id ?? null;
    if (current !== payload.fromPhaseId) {
      // Whole sentences, one for each case, so that errors.json says each in every language. Who
      // moved the phase on, not whoever touched the timer or the big screen since.
      const [who, phase] = [room.changes.phase?.by, room.phase?.name];
      throw new CommandFailure(
        "conflict",
        who
          ? phase
            ? `${who} already moved the room on to ${phase}.`
            : `${who} already moved the room on to another phase.`
          : phase
            ? `Someone already moved the room on to ${phase}.`
            : "Someone already moved the room on to another phase.",
      );
    }
    if (agenda.length === 0) throw new CommandFailure("conflict", "The agenda has no phases yet. Add them on the event page.");
    const next = nextPhase(agenda, current);
    if (!next) throw new CommandFailure("conflict", "This is the last phase of the agenda.");
    return enterPhase(tx, actor, now, next.id);
  },
};
