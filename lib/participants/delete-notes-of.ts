import { eq } from "drizzle-orm";
import { deletedNotes, notes } from "@/db/schema";
import { says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { dissolveGroupsLeftAlone, notesGone } from "@/lib/notes/notes-gone";
import { CommandFailure } from "@/lib/realtime/command-error";
import { scrubCommandLogLater } from "@/lib/realtime/command-log-scrub";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { findPerson } from "./participant-views";

/**
 * Staff clearing everything one person wrote: the answer to a flood of notes (or abuse) that
 * got through before the rate limit stopped it. Open boards drop the notes at once, unsigned
 * ones (an anonymous board's, a young person's pins on a map) included: abuse must go now, even
 * though notes gone in one batch say they were one person's. Leaving is different: a person who
 * leaves with their notes has theirs erased each at its own moment (lib/notes/erase-later.ts).
 */
export const deleteNotesOf: WriteHandler<"participant:notes-delete"> = {
  kind: "write",
  permission: "seePrivateDetails",
  async apply(tx, { actor, payload, now }) {
    const found = await findPerson(tx, actor.eventId, payload.participantId);
    if (!found) throw new CommandFailure("not_found", "That person isn't in this event.");
    const deleted = await tx
      .delete(notes)
      .where(eq(notes.authorParticipantId, found.participant.id))
      .returning({ id: notes.id, boardId: notes.boardId, groupId: notes.groupId });
    // Nothing of theirs may come back through "Undo" either.
    const undoable = await tx
      .delete(deletedNotes)
      .where(eq(deletedNotes.authorParticipantId, found.participant.id))
      .returning({ id: deletedNotes.noteId });
    // Nor stay in the command records that held their words (one walk of the event's records after this, whatever the count).
    await scrubCommandLogLater(tx, actor.eventId, { mentioning: [...deleted, ...undoable].map((n) => n.id) });
    const broadcasts: Broadcast[] = [...(await notesGone(tx, deleted)), ...(await dissolveGroupsLeftAlone(tx, deleted))];
    // Whose notes is not logged: the log holds no participant's personal data.
    broadcasts.push(
      await logActivity(tx, {
        actor,
        now,
        kind: "moderation",
        said: says.notesOfParticipantDeleted(deleted.length),
      }),
    );
    return { result: { notesDeleted: deleted.length }, broadcasts };
  },
};
