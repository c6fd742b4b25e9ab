import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Database } from "@/db/client";
import { briefFiles, notePhotos, projectCheckIns, showcaseImages } from "@/db/schema";
import { maxImageEdge } from "./image-sizes";
import { prepareImage, saveImage } from "./images";
import type { FileStorage } from "./storage";

/** Already as we keep images now: no metadata of any kind, and no larger than we keep them. */
async function alreadyClean(bytes: Uint8Array, maxEdge: number) {
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height) return false;
  const carries = meta.exif || meta.xmp || meta.icc || meta.iptc || (meta.orientation ?? 1) !== 1;
  return !carries && Math.max(meta.width, meta.height) <= maxEdge;
}

/**
 * Images stored before every upload was stripped (lib/files/images.ts) still carry what the
 * phone put in them. This goes through every stored image once, replaces each that isn't clean
 * with its stripped, upright, resized copy (and narrower copies) under the same key, and
 * corrects the recorded size. Run again, it changes nothing. An image that can't be decoded is
 * left as it is and counted, for staff to remove.
 */
export async function stripStoredImages(db: Database, storage: FileStorage) {
  const tally = { checked: 0, stripped: 0, unreadable: 0, missing: 0 };
  const restrip = async (storageKey: string, maxEdge: number, variants: boolean): Promise<number | null> => {
    tally.checked += 1;
    const bytes = await storage.read(storageKey);
    if (!bytes) {
      tally.missing += 1;
      return null;
    }
    if (await alreadyClean(bytes, maxEdge)) return null;
    const prepared = await prepareImage(bytes, { maxEdge, variants });
    if (!prepared.ok) {
      tally.unreadable += 1;
      return null;
    }
    await saveImage(storage, storageKey, prepared.image);
    tally.stripped += 1;
    return prepared.image.bytes.byteLength;
  };

  for (const photo of await db.read.select().from(notePhotos)) {
    const size = await restrip(photo.storageKey, maxImageEdge, true);
    if (size !== null) await db.transact((tx) => tx.update(notePhotos).set({ bytes: size }).where(eq(notePhotos.id, photo.id)));
  }
  for (const image of await db.read.select().from(showcaseImages)) {
    const size = await restrip(image.storageKey, maxImageEdge, true);
    if (size !== null) {
      await db.transact((tx) => tx.update(showcaseImages).set({ bytes: size }).where(eq(showcaseImages.id, image.id)));
    }
  }
  for (const checkIn of await db.read.select({ photos: projectCheckIns.photos }).from(projectCheckIns)) {
    for (const photo of checkIn.photos) await restrip(photo.storageKey, maxImageEdge, true);
  }
  for (const file of await db.read.select().from(briefFiles)) {
    if (!file.contentType.startsWith("image/")) continue;
    const size = await restrip(file.storageKey, 4096, false);
    if (size !== null) await db.transact((tx) => tx.update(briefFiles).set({ size }).where(eq(briefFiles.id, file.id)));
  }
  return tally;
}
