import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Db, Tx } from "@/db/client";
import { notePhotos } from "@/db/schema";
import { type Actor, actorKey } from "@/lib/auth/actor";
import { boardInEvent, mayWrite } from "@/lib/boards/board-access";
import { sniffSignature } from "@/lib/files/file-types";
import type { FileStorage } from "@/lib/files/storage";
import { newStorageKey } from "@/lib/files/storage";
import { CommandFailure } from "@/lib/realtime/command-error";

export const maxPhotoBytes = 8 * 1024 * 1024;
const photoTypes = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

/** Whether these bytes are a photo we accept; judged by their content, not their name. */
export function checkPhoto(bytes: Uint8Array): { ok: true; contentType: string } | { ok: false; message: string } {
  if (bytes.byteLength === 0) return { ok: false, message: "That photo is empty." };
  if (bytes.byteLength > maxPhotoBytes) return { ok: false, message: "That photo is over 8 MB. Try a smaller one." };
  const kind = sniffSignature(bytes);
  if (kind !== "jpeg" && kind !== "png" && kind !== "webp")
    return { ok: false, message: "Photos must be JPEG, PNG or WebP images." };
  return { ok: true, contentType: photoTypes[kind] };
}

/** Stores a photo for a note on this board, for this person to attach. */
export async function savePhoto(db: Database, storage: FileStorage, actor: Actor, boardId: string, bytes: Uint8Array) {
  const board = await boardInEvent(db.read, actor, boardId);
  if (!(await mayWrite(db.read, actor, board))) throw new CommandFailure("forbidden", "You can't add to this board.");
  const check = checkPhoto(bytes);
  if (!check.ok) throw new CommandFailure("invalid", check.message, [{ path: "photo", message: check.message }]);
  const id = randomUUID();
  const storageKey = newStorageKey();
  await storage.save(storageKey, bytes);
  await db.transact((tx) =>
    tx.insert(notePhotos).values({
      id,
      boardId,
      eventId: actor.eventId,
      storageKey,
      contentType: check.contentType,
      bytes: bytes.byteLength,
      uploadedBy: actorKey(actor),
    }),
  );
  return id;
}

export async function findPhoto(db: Db | Tx, photoId: string) {
  const [photo] = await db.select().from(notePhotos).where(eq(notePhotos.id, photoId));
  return photo ?? null;
}

export { photoUrl } from "./photo-url";
