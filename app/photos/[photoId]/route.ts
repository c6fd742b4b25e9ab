import { sharedDatabase } from "@/db";
import { actorKey } from "@/lib/auth/actor";
import { actorForEvent, keptToTheirOwn } from "@/lib/auth/web-session";
import { imageNotFound, imageResponse } from "@/lib/files/serve-image";
import { fileStorage } from "@/lib/files/storage";
import { findPhoto } from "@/lib/notes/note-photos";
import { photoVisibleTo } from "@/lib/notes/photo-access";

/**
 * A note's photo or a map image, at the width `?w=` asks for: served exactly to those who may
 * see the note it is on (or the board it is the map of), and only ever treated as an image.
 * Everyone else gets the same 404 as for a photo that doesn't exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ photoId: string }> }) {
  const { photoId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(photoId)) return imageNotFound(request);
  const db = await sharedDatabase();
  const photo = await findPhoto(db.read, photoId);
  const viewer = photo ? await actorForEvent(photo.eventId) : null;
  if (!photo || !viewer || !(await photoVisibleTo(db.read, photo, viewer))) return imageNotFound(request);
  if (photo.uploadedBy !== actorKey(viewer) && (await keptToTheirOwn(viewer))) return imageNotFound(request);
  // Private: only this viewer's browser may keep it. It never changes, so it may keep it a while.
  return (await imageResponse(request, fileStorage(), photo, "private, max-age=86400, immutable")) ?? imageNotFound(request);
}
