import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Db, Tx } from "@/db/client";
import { notePhotos } from "@/db/schema";
import { type Actor, actorKey } from "@/lib/auth/actor";
import { boardInEvent, mayWrite } from "@/lib/boards/board-access";
import { keepImage, type PreparedImage, prepareImage } from "@/lib/files/images";
import { maxPhotoBytes } from "@/lib/files/photo-limits";
import type { FileStorage } from "@/lib/files/storage";
import { strayPhotoRefusal } from "@/lib/files/stray-uploads";
import { CommandFailure } from "@/lib/realtime/command-error";

export { maxPhotoBytes };

/**
 * A photo as we keep it, or a message for the person who sent it: at most 8 MB as sent, then
 * decoded, stripped of its metadata, upright and resized (lib/files/images.ts). Shared by
 * every upload of a photo: notes, maps, showcases and check-ins.
 */
export async function preparePhoto(
  bytes: Uint8Array,
): Promise<{ ok: true; image: PreparedImage } | { ok: false; message: string }> {
  if (bytes.byteLength === 0) return { ok: false, message: "That photo is empty." };
  if (bytes.byteLength > maxPhotoBytes) return { ok: false, message: "That photo is over 8 MB. Try a smaller one." };
  return prepareImage(bytes);
}

/** Stores a photo for a note on this board, for this person to attach. */
export async function savePhoto(db: Database, storage: FileStorage, actor: Actor, boardId: string, bytes: Uint8Array) {
  const board = await boardInEvent(db.read, actor, boardId);
  if (!(await mayWrite(db.read, actor, board))) throw new CommandFailure("forbidden", "You can't add to this board.");
  // Checked before the image is decoded or stored: photos on no note are bounded (lib/files/stray-uploads.ts).
  const stray = actor.kind === "participant" ? await strayPhotoRefusal(db.read, actor.eventId, actorKey(actor)) : null;
  if (stray) throw new CommandFailure("rate_limited", stray);
  const prepared = await preparePhoto(bytes);
  if (!prepared.ok) throw new CommandFailure("invalid", prepared.message, [{ path: "photo", message: prepared.message }]);
  const { image } = prepared;
  const id = randomUUID();
  await keepImage(db, storage, image, async (tx, storageKey) => {
    // Again where it counts: uploads sent at once all passed the first look while decoding.
    const late = actor.kind === "participant" ? await strayPhotoRefusal(tx, actor.eventId, actorKey(actor)) : null;
    if (late) throw new CommandFailure("rate_limited", late);
    await tx.insert(notePhotos).values({
      id,
      boardId,
      eventId: actor.eventId,
      storageKey,
      contentType: image.contentType,
      bytes: image.bytes.byteLength,
      uploadedBy: actorKey(actor),
    });
  });
  return id;
}

export async function findPhoto(db: Db | Tx, photoId: string) {
  const [photo] = await db.select().from(notePhotos).where(eq(notePhotos.id, photoId));
  return photo ?? null;
}

export { photoUrl } from "./photo-url";
