import { and, eq, inArray, isNull, like, or, type SQL } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import {
  boards,
  briefFiles,
  briefs,
  commandLog,
  commandLogScrubs,
  commandLogScrubWalks,
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
 * The records the event's people sent, and those whose broadcasts or results name the event, its
 * boards or its teams, go with it. Deleted, not only scrubbed as at retention: a retry names an
 * event that is no longer there, and is refused. Records carry their event (found by its index);
 * only those older than that column (a day at most) are searched for its ids, not every event's.
 */
async function deleteCommandLog(tx: Tx, eventId: string, participantIds: string[]) {
  await tx.delete(commandLog).where(eq(commandLog.eventId, eventId));
  await tx.delete(commandLogScrubs).where(eq(commandLogScrubs.eventId, eventId));
  await tx.delete(commandLogScrubWalks).where(eq(commandLogScrubWalks.eventId, eventId));
  const keys = participantIds.map((id) => `p:${id}`);
  for (let i = 0; i < keys.length; i += 500) {
    await tx.delete(commandLog).where(inArray(commandLog.actorKey, keys.slice(i, i + 500)));
  }
  const [boardIds, teamIds] = await Promise.all([
    tx.select({ id: boards.id }).from(boards).where(eq(boards.eventId, eventId)),
    tx.select({ id: teams.id }).from(teams).where(eq(teams.eventId, eventId)),
  ]);
  const ids = [eventId, ...boardIds.map((b) => b.id), ...teamIds.map((t) => t.id)];
  for (let i = 0; i < ids.length; i += 100) {
    // In what it broadcast, or only in its result (a command that changed nothing still answered with the note).
    const mentions: SQL[] = ids
      .slice(i, i + 100)
      .flatMap((id) => [like(commandLog.fanout, `%${id}%`), like(commandLog.result, `%${id}%`)]);
    await tx.delete(commandLog).where(and(isNull(commandLog.eventId), or(...mentions)));
  }
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
    await deleteCommandLog(
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
