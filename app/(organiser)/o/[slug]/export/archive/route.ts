import { getLocale } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { eventArchiveEntries } from "@/lib/exports/event-archive";
import { zipStream } from "@/lib/exports/zip-stream";
import { fileStorage } from "@/lib/files/storage";
import { download, exportFor } from "../export-response";

/** Everything in one download: the JSON, the report (in the downloader's language), every CSV table and the uploaded files. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await exportFor(slug, "archive");
  if ("response" in found) return found.response;
  const db = await sharedDatabase();
  const entries = eventArchiveEntries(db.read, fileStorage(), { slug, eventId: found.eventId }, found.data, await getLocale());
  return download(zipStream(entries), `${slug}-archive.zip`, "application/zip");
}
