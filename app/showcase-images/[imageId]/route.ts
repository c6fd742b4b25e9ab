import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { imageNotFound, imageResponse } from "@/lib/files/serve-image";
import { fileStorage } from "@/lib/files/storage";
import { findShowcaseImage } from "@/lib/presentations/showcase-images";

/** A showcase image, at the width `?w=` asks for: only for people in its event, only ever an image. */
export async function GET(request: Request, { params }: { params: Promise<{ imageId: string }> }) {
  const { imageId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(imageId)) return imageNotFound(request);
  const db = await sharedDatabase();
  const image = await findShowcaseImage(db.read, imageId);
  if (!image || !(await actorForEvent(image.eventId))) return imageNotFound(request);
  return (await imageResponse(request, fileStorage(), image, "private, max-age=86400, immutable")) ?? imageNotFound(request);
}
