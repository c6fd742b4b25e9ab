import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { projectCheckIns } from "@/db/schema";
import type { FileStorage } from "@/lib/files/storage";
import { newStorageKey } from "@/lib/files/storage";
import { checkPhoto } from "@/lib/notes/note-photos";
import type { CheckInInput } from "./project-schema";

export const maxCheckInPhotos = 4;

/**
 * Records a check-in. Photos are checked by their content first; if any is refused nothing is
 * saved, so the owner can fix it and send again with everything they wrote kept in the form.
 */
export async function postCheckIn(
  db: Database,
  storage: FileStorage,
  projectId: string,
  input: CheckInInput,
  photos: Uint8Array[],
): Promise<{ ok: true; id: string } | { ok: false; photoError: string }> {
  if (photos.length > maxCheckInPhotos) return { ok: false, photoError: `Add at most ${maxCheckInPhotos} photos to one update.` };
  const checked = [];
  for (const bytes of photos) {
    const check = checkPhoto(bytes);
    if (!check.ok) return { ok: false, photoError: check.message };
    checked.push({ bytes, contentType: check.contentType });
  }
  const saved: { storageKey: string; contentType: string }[] = [];
  for (const photo of checked) {
    const storageKey = newStorageKey();
    await storage.save(storageKey, photo.bytes);
    saved.push({ storageKey, contentType: photo.contentType });
  }
  const id = randomUUID();
  await db.transact((tx) => tx.insert(projectCheckIns).values({ ...input, id, projectId, photos: saved }));
  return { ok: true, id };
}
