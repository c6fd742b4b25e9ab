import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { fileStorage } from "@/lib/files/storage";
import { findPhoto } from "@/lib/notes/note-photos";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
  });

/** A note's photo: only for people in its event, and only ever treated as an image. */
export async function GET(_request: Request, { params }: { params: Promise<{ photoId: string }> }) {
  const { photoId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(photoId)) return notFound();
  const db = await sharedDatabase();
  const photo = await findPhoto(db.read, photoId);
  if (!photo || !(await actorForEvent(photo.eventId))) return notFound();
  const bytes = await fileStorage().read(photo.storageKey);
  if (!bytes) return notFound();
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": photo.contentType,
      "content-length": String(bytes.byteLength),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
      "cache-control": "private, max-age=86400, immutable",
    },
  });
}
