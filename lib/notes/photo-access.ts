import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { boards, type notePhotos, notes } from "@/db/schema";
import { type Actor, actorKey, isStaff } from "@/lib/auth/actor";
import { authorKeyOf, canReadBoard, noteVisibleTo } from "@/lib/boards/rules";

type Photo = Pick<typeof notePhotos.$inferSelect, "id" | "eventId" | "uploadedBy">;

/**
 * Whether `viewer` may see an uploaded photo: exactly when they may see something it is on. A
 * note's photo goes with its note (the board readable, the note not hidden until a reveal that
 * hasn't come); a map goes with its board; a photo on nothing yet (uploaded, not yet attached)
 * is its uploader's alone. Staff may see every note's photo in their event, to moderate it. A photo copied onto several notes is seen through any of them.
 */
export async function photoVisibleTo(db: Db | Tx, photo: Photo, viewer: Actor): Promise<boolean> {
  if (viewer.eventId !== photo.eventId) return false;
  const me = actorKey(viewer);
  if (photo.uploadedBy === me) return true;
  const [maps, onNotes] = await Promise.all([
    db
      .select({ eventId: boards.eventId })
      .from(boards)
      .where(and(eq(boards.mapPhotoId, photo.id), eq(boards.eventId, photo.eventId))),
    db
      .select({
        participantId: notes.authorParticipantId,
        accountId: notes.authorAccountId,
        eventId: boards.eventId,
        hiddenUntilReveal: boards.hiddenUntilReveal,
        revealedAt: boards.revealedAt,
        withheldAt: notes.withheldAt,
      })
      .from(notes)
      .innerJoin(boards, eq(boards.id, notes.boardId))
      .where(and(eq(notes.photoId, photo.id), eq(boards.eventId, photo.eventId))),
  ]);
  if (maps.some((board) => canReadBoard(viewer, board))) return true;
  // Staff moderate what the room can't see yet (lib/notes/moderate-note.ts), photos included.
  return onNotes.some(
    (n) => canReadBoard(viewer, n) && (isStaff(viewer) || noteVisibleTo(n, authorKeyOf(n), me, n.withheldAt !== null)),
  );
}
