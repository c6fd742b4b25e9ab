import { eq, inArray, like, or } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import {
  boards,
  briefFiles,
  briefs,
  events,
  notePhotos,
  participants,
  projectCheckIns,
  projects,
  roomSequences,
  showcaseImages,
  teams,
  voteRounds,
} from "@/db/schema";
import type { FileStorage } from "@/lib/files/storage";
import { recordAudit } from "./audit";
import { eraseCommandLog } from "./erase-personal-data";
import { removeFiles } from "./retention-sweep";

/** Every file an event keeps in storage: project packs, note photos and maps, showcase images, check-in photos. */
async function eventStorageKeys(tx: Tx, eventId: string) {
  const [packs, photos, images, checkIns] = await Promise.all([
    tx
      .select({ key: briefFiles.storageKey })
      .from(briefFiles)
      .where(inArray(briefFiles.briefId, tx.select({ id: briefs.id }).from(briefs).where(eq(briefs.eventId, eventId)))),
    tx.select({ key: notePhotos.storageKey }).from(notePhotos).where(eq(notePhotos.eventId, eventId)),
    tx.select({ key: showcaseImages.storageKey }).from(showcaseImages).where(eq(showcaseImages.eventId, eventId)),
    tx
      .select({ photos: projectCheckIns.photos })
      .from(projectCheckIns)
      .where(
        inArray(projectCheckIns.projectId, tx.select({ id: projects.id }).from(projects).where(eq(projects.eventId, eventId))),
      ),
  ]);
  return [
    ...packs.map((r) => r.key),
    ...photos.map((r) => r.key),
    ...images.map((r) => r.key),
    ...checkIns.flatMap((c) => c.photos.map((p) => p.storageKey)),
  ];
}

/**
 * Deletes an event with everything in it: its rows (most go by the foreign keys' cascade; the
 * command log and room sequences, which name the event only inside their text, here), then its
 * files. The audit entry is written in the same transaction and outlives the event until its
 * keeping date. Files go after the commit: a failure leaves an orphan file, never a broken row.
 */
export async function deleteEvent(
  db: Database,
  storage: FileStorage,
  input: { eventId: string; accountId: string; now: number },
): Promise<{ deleted: boolean; files: number; filesMissing: number }> {
  const keys = await db.transact(async (tx) => {
    const [event] = await tx.select({ id: events.id }).from(events).where(eq(events.id, input.eventId));
    if (!event) return null;
    const storageKeys = await eventStorageKeys(tx, input.eventId);
    const people = await tx.select({ id: participants.id }).from(participants).where(eq(participants.eventId, input.eventId));
    await eraseCommandLog(
      tx,
      input.eventId,
      people.map((p) => p.id),
    );
    const [boardIds, teamIds, roundIds] = await Promise.all([
      tx.select({ id: boards.id }).from(boards).where(eq(boards.eventId, input.eventId)),
      tx.select({ id: teams.id }).from(teams).where(eq(teams.eventId, input.eventId)),
      tx.select({ id: voteRounds.id }).from(voteRounds).where(eq(voteRounds.eventId, input.eventId)),
    ]);
    const ids = [input.eventId, ...boardIds, ...teamIds, ...roundIds].map((x) => (typeof x === "string" ? x : x.id));
    for (let i = 0; i < ids.length; i += 100) {
      await tx.delete(roomSequences).where(or(...ids.slice(i, i + 100).map((id) => like(roomSequences.room, `%${id}%`))));
    }
    await recordAudit(tx, {
      eventId: input.eventId,
      accountId: input.accountId,
      action: "event.deleted",
      subject: `files:${storageKeys.length} participants:${people.length}`,
      now: input.now,
    });
    await tx.delete(events).where(eq(events.id, input.eventId));
    return storageKeys;
  });
  if (!keys) return { deleted: false, files: 0, filesMissing: 0 };
  return { deleted: true, files: keys.length, filesMissing: await removeFiles(storage, keys) };
}
