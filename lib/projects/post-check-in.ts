import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectCheckIns } from "@/db/schema";
import { type PreparedImage, saveImage } from "@/lib/files/images";
import type { FileStorage } from "@/lib/files/storage";
import { newStorageKey } from "@/lib/files/storage";
import { preparePhoto } from "@/lib/notes/note-photos";
import { maxCheckInPhotos } from "./check-in-limits";
import type { CheckInInput } from "./project-schema";

/**
 * Records a check-in. Photos are decoded and stripped first (lib/files/images.ts); if any is
 * refused nothing is saved, so the owner can fix it and send again with everything they wrote kept in the form.
 *
 * `submission` is the id the form was drawn with: the same form sent again (a reload that resends
 * it, a retry after the answer was lost) finds its check-in already saved and saves nothing more.
 * Another project's check-in under that id is no replay of this one: it gets an id of its own.
 */
export async function postCheckIn(
  db: Database,
  storage: FileStorage,
  projectId: string,
  input: CheckInInput,
  photos: Uint8Array[],
  submission: string = randomUUID(),
): Promise<{ ok: true; id: string } | { ok: false; photoError: string }> {
  const sent = async () =>
    (
      await db.read
        .select({ id: projectCheckIns.id })
        .from(projectCheckIns)
        .where(and(eq(projectCheckIns.id, submission), eq(projectCheckIns.projectId, projectId)))
    ).length > 0;
  if (await sent()) return { ok: true, id: submission };
  if (photos.length > maxCheckInPhotos) return { ok: false, photoError: `Add at most ${maxCheckInPhotos} photos to one update.` };
  const prepared: PreparedImage[] = [];
  for (const bytes of photos) {
    const photo = await preparePhoto(bytes);
    if (!photo.ok) return { ok: false, photoError: photo.message };
    prepared.push(photo.image);
  }
  const saved: { storageKey: string; contentType: string }[] = [];
  for (const image of prepared) {
    const storageKey = newStorageKey();
    await saveImage(storage, storageKey, image);
    saved.push({ storageKey, contentType: image.contentType });
  }
  const insert = (id: string) =>
    db.transact((tx) =>
      tx
        .insert(projectCheckIns)
        .values({ ...input, id, projectId, photos: saved })
        .onConflictDoNothing()
        .returning({ id: projectCheckIns.id }),
    );
  if ((await insert(submission)).length > 0) return { ok: true, id: submission };
  // Two copies of one form at once: the other one saved it, so this copy's photos are spares.
  if (await sent()) {
    await Promise.all(saved.map((photo) => storage.remove(photo.storageKey)));
    return { ok: true, id: submission };
  }
  const id = randomUUID();
  await insert(id);
  return { ok: true, id };
}
