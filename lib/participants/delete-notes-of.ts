import { and, eq, isNull } from "drizzle-orm";
import { deletedNotes, notes } from "@/db/schema";
import { says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { eraseUnsignedLater } from "@/lib/notes/erase-later";
import { dissolveGroupsLeftAlone, notesGone } from "@/lib/notes/notes-gone";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { findPerson } from "./participant-views";

/**
 * Staff clearing everything one person wrote: the answer to a flood of notes (or abuse) that
 * got through before the rate limit stopped it. Open boards drop the notes the room reads
 * signed at once; the unsigned ones (an anonymous board's, a young person's pins on a map, and
 * copies of them) each go at a moment of their own a few minutes later, as when someone leaves
 * with their notes (lib/notes/erase-later.ts): gone in the same batch as the signed ones, they
 * would say whose they were.
 */
export const deleteNotesOf: WriteHandler<"participant:notes-delete"> = {
  kind: "write",
  permission: "seePrivateDetails",
  async apply(tx, { actor, payload, now }) {
    const found = await findPerson(tx, actor.eventId, payload.participantId);
    if (!found) throw new CommandFailure("not_found", "That person isn't in this event.");
    const erasedLater = await eraseUnsignedLater(tx, found.participant.id, now);
    const deleted = await tx
      .delete(notes)
      .where(and(eq(notes.authorParticipantId, found.participant.id), isNull(notes.eraseAt)))
      .returning({ id: notes.id, boardId: notes.boardId, groupId: notes.groupId });
    // Nothing of theirs may come back through "Undo" either.
    await tx.delete(deletedNotes).where(eq(deletedNotes.authorParticipantId, found.participant.id));
    const broadcasts: Broadcast[] = [...(await notesGone(tx, deleted)), ...(await dissolveGroupsLeftAlone(tx, deleted))];
    // Whose notes is not logged: the log holds no participant's personal data.
    broadcasts.push(
      await logActivity(tx, {
        actor,
        now,
        kind: "moderation",
        said: says.notesOfParticipantDeleted(deleted.length + erasedLater),
      }),
    );
    return { result: { notesDeleted: deleted.length + erasedLater }, broadcasts };
  },
};
