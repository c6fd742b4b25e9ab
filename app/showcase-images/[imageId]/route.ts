import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { fileStorage } from "@/lib/files/storage";
import { findShowcaseImage } from "@/lib/presentations/showcase-images";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
  });

/** A showcase image: only for people in its event, and only ever treated as an image. */
export async function GET(_request: Request, { params }: { params: Promise<{ imageId: string }> }) {
  const { imageId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(imageId)) return notFound();
  const db = await sharedDatabase();
  const image = await findShowcaseImage(db.read, imageId);
  if (!image || !(await actorForEvent(image.eventId))) return notFound();
  const bytes = await fileStorage().read(image.storageKey);
  if (!bytes) return notFound();
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": image.contentType,
      "content-length": String(bytes.byteLength),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
      "cache-control": "private, max-age=86400, immutable",
    },
  });
}
