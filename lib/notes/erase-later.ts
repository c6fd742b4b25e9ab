import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { boards, notePhotos, notes } from "@/db/schema";
import { scrubNotesLater } from "@/lib/realtime/command-log-scrub";
import type { SequencedBroadcast } from "@/lib/realtime/execute-command";
import type { Broadcast } from "@/lib/realtime/handler";
import { sequenceBroadcasts } from "@/lib/realtime/sequence";
import { dissolveGroupsLeftAlone, notesGone } from "./notes-gone";
import { unsignedNote } from "./unsigned";

/**
 * Someone leaving and asking for their notes to go is told to the room (`participant:left`). If
 * their unsigned notes (on an anonymous board, a young person's pins on a map, and copies of
 * either: lib/notes/unsigned.ts) vanished at that same moment,
 * every screen would learn which of them were theirs: exactly what an anonymous board promises
 * nobody learns. So each of those notes goes at a moment of its own, somewhere in this window
 * after the leaving, among the room's other comings and goings.
 */
export const eraseLaterWindowMs = { from: 60_000, to: 10 * 60_000 } as const;

/** How often each process looks for notes whose moment has come (any process may: a delete by time is the same from every one). */
export const eraseLaterSweepMs = 5_000;

/** When one unsigned note of someone who just left goes. */
export function eraseMoment(now: number, random: () => number = Math.random): number {
  const { from, to } = eraseLaterWindowMs;
  return now + from + Math.floor(Math.min(Math.max(random(), 0), 0.999_999) * (to - from));
}

/**
 * Gives each unsigned note of this participant its own moment to go (eraseDueNotes deletes it
 * then). Until that moment it stays as the room sees it: unsigned, under the same pseudonym.
 */
export async function eraseUnsignedLater(tx: Tx, participantId: string, now: number): Promise<number> {
  const unsigned = await tx
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.authorParticipantId, participantId), unsignedNote));
  for (const { id } of unsigned)
    await tx
      .update(notes)
      .set({ eraseAt: eraseMoment(now) })
      .where(eq(notes.id, id));
  return unsigned.length;
}

export type ErasedNotes = {
  broadcasts: SequencedBroadcast[];
  /** Storage keys of the photos that went with them: the caller removes the files after the commit. */
  removedFiles: string[];
  /** Events whose boards changed, for the screens that follow an event's record. */
  eventIds: string[];
};

/** Deletes the notes whose moment has come (with their photos, and any group left with one note). */
export async function eraseDueNotes(db: Database, now = Date.now()): Promise<ErasedNotes> {
  // Nearly always nothing is due: asked on the read pool, so the sweep takes no write turn then.
  const [any] = await db.read
    .select({ id: notes.id })
    .from(notes)
    .where(and(isNotNull(notes.eraseAt), lte(notes.eraseAt, now)))
    .limit(1);
  if (!any) return { broadcasts: [], removedFiles: [], eventIds: [] };
  return db.transact(async (tx) => {
    const due = await tx
      .delete(notes)
      .where(and(isNotNull(notes.eraseAt), lte(notes.eraseAt, now)))
      .returning({ id: notes.id, boardId: notes.boardId, groupId: notes.groupId, photoId: notes.photoId });
    if (due.length === 0) return { broadcasts: [], removedFiles: [], eventIds: [] };
    const broadcasts: Broadcast[] = [...(await notesGone(tx, due)), ...(await dissolveGroupsLeftAlone(tx, due))];
    // Leaving scrubbed the records that held their words then; these hold what the room did with
    // them since (moved, grouped, copied).
    await scrubNotesLater(tx, due);
    const eventIds = await tx
      .selectDistinct({ eventId: boards.eventId })
      .from(boards)
      .where(
        inArray(
          boards.id,
          due.map((n) => n.boardId),
        ),
      );
    const photoIds = [...new Set(due.map((n) => n.photoId).filter((id): id is string => id !== null))];
    const photos = photoIds.length
      ? await tx
          .delete(notePhotos)
          .where(
            and(
              inArray(notePhotos.id, photoIds),
              // A photo still on another note stays with it.
              sql`not exists (select 1 from ${notes} where ${notes.photoId} = ${notePhotos.id})`,
            ),
          )
          .returning({ storageKey: notePhotos.storageKey })
      : [];
    return {
      broadcasts: await sequenceBroadcasts(tx, broadcasts),
      removedFiles: photos.map((p) => p.storageKey),
      eventIds: eventIds.map((e) => e.eventId),
    };
  });
}
