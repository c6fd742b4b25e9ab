import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { projectCheckIns } from "@/db/schema";
import { type PreparedImage, saveImage } from "@/lib/files/images";
import type { FileStorage } from "@/lib/files/storage";
import { newStorageKey } from "@/lib/files/storage";
import { preparePhoto } from "@/lib/notes/note-photos";
import type { CheckInInput } from "./project-schema";

const maxCheckInPhotos = 4;

/**
 * Records a check-in. Photos are decoded and stripped first (lib/files/images.ts); if any is
 * refused nothing is saved, so the owner can fix it and send again with everything they wrote kept in the form.
 */
export async function postCheckIn(
  db: Database,
  storage: FileStorage,
  projectId: string,
  input: CheckInInput,
  photos: Uint8Array[],
): Promise<{ ok: true; id: string } | { ok: false; photoError: string }> {
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
  const id = randomUUID();
  await db.transact((tx) => tx.insert(projectCheckIns).values({ ...input, id, projectId, photos: saved }));
  return { ok: true, id };
}
