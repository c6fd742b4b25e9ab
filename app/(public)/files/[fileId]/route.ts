import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { findBriefFile } from "@/lib/briefs/find-brief-file";
import { publicDownloadName } from "@/lib/briefs/pack-file-names";
import { briefIsPublic } from "@/lib/briefs/visibility";
import { contentDisposition } from "@/lib/files/content-disposition";
import { fileStorage } from "@/lib/files/storage";

const notFound = async () =>
  new Response((await getTranslations("public"))("notFound"), {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
  });

/**
 * A project-pack file. Anyone may download the files of a published brief of a published
 * event; files of drafts (and withdrawn briefs) only go to the event's staff. The headers make
 * sure a file is only ever treated as what we stored it as: never sniffed, never run as a page.
 *
 * Only the event's staff get the file under the name it was uploaded with; everyone else gets a
 * name made of the brief's title and the file's place in the pack, since the uploader's own name
 * for a file may name the people in it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  await connection();
  const { fileId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(fileId)) return notFound();
  const db = await sharedDatabase();
  const found = await findBriefFile(db.read, fileId);
  if (!found) return notFound();
  const isPublic = briefIsPublic(found.eventStatus, found.briefStatus);
  const account = await currentAccount();
  const staff = account !== null && (await staffRole(db.read, found.eventId, account.id)) !== null;
  if (!isPublic && !staff) return notFound();
  const bytes = await fileStorage().read(found.file.storageKey);
  if (!bytes) return notFound();

  const { contentType } = found.file;
  const fileName = staff
    ? found.file.fileName
    : publicDownloadName({ briefTitle: found.briefTitle, place: found.place, contentType });
  const inline = contentType.startsWith("image/");
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", fileName),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "referrer-policy": "no-referrer",
      // Public files may be kept a minute (a brief withdrawn or an event unpublished stops being
      // served soon after). Drafts must not be cached anywhere shared, nor may staff's copy, whose
      // header carries the uploaded name: a shared cache would hand that name to the public.
      "cache-control": isPublic && !staff ? "public, max-age=60" : "private, no-store",
    },
  });
}
