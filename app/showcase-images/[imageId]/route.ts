import { sharedDatabase } from "@/db";
import { actorKey } from "@/lib/auth/actor";
import { actorForEvent, keptToTheirOwn } from "@/lib/auth/web-session";
import { imageNotFound, imageResponse } from "@/lib/files/serve-image";
import { fileStorage } from "@/lib/files/storage";
import { findShowcaseImage } from "@/lib/presentations/showcase-images";

/** A showcase image, at the width `?w=` asks for: only for people in its event, only ever an image. */
export async function GET(request: Request, { params }: { params: Promise<{ imageId: string }> }) {
  const { imageId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(imageId)) return imageNotFound(request);
  const db = await sharedDatabase();
  const image = await findShowcaseImage(db.read, imageId);
  const viewer = image ? await actorForEvent(image.eventId) : null;
  if (!image || !viewer) return imageNotFound(request);
  if (image.uploadedBy !== actorKey(viewer) && (await keptToTheirOwn(viewer))) return imageNotFound(request);
  return (await imageResponse(request, fileStorage(), image, "private, max-age=86400, immutable")) ?? imageNotFound(request);
}
