import { plainAnswer } from "@/lib/server/plain-answer";
import { variantFor } from "./image-sizes";
import type { FileStorage } from "./storage";

/**
 * The answer to a request for a stored image: the copy `?w=` asks for (lib/files/image-sizes.ts),
 * or the image itself when that copy isn't there (an image narrower than the copy, or one
 * stored before copies were kept). Null when the image is gone. The caller has decided who may
 * see it and says how it may be cached: `private` for anything not on a public page.
 */
export async function imageResponse(
  request: Request,
  storage: FileStorage,
  image: { storageKey: string; contentType: string },
  cacheControl: string,
): Promise<Response | null> {
  const variant = variantFor(new URL(request.url).searchParams.get("w"));
  const bytes = (variant ? await storage.read(image.storageKey, variant) : null) ?? (await storage.read(image.storageKey));
  if (!bytes) return null;
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": image.contentType,
      "content-length": String(bytes.byteLength),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
      "cache-control": cacheControl,
    },
  });
}

/**
 * The answer for an image someone may not see, or that isn't there: the same, and never cached;
 * said in the reader's language (someone opening a photo's address on its own reads it).
 */
export function imageNotFound(request: Request) {
  return plainAnswer(request, 404, "server.notFound", { "cache-control": "no-store" });
}
