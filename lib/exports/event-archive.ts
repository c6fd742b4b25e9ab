import type { Db } from "@/db/client";
import type { FileStorage } from "@/lib/files/storage";
import { translator } from "@/lib/i18n/translator";
import { csvFile, csvTables } from "./csv-tables";
import { eventFiles } from "./event-files";
import type { EventExport } from "./export-schema";
import { eventMarkdown } from "./markdown-report";
import type { ZipEntry } from "./zip-stream";

const text = (path: string, body: string): ZipEntry => ({ path, bytes: new TextEncoder().encode(body), compress: true });

/**
 * What the archive holds, in order: the importable JSON, the report, every CSV table, then each
 * uploaded file read from storage as the zip is written. A file missing from storage (deleted by
 * hand, or on another machine) is listed in MISSING.txt rather than failing the download. The report
 * and MISSING.txt are in `locale`, the downloader's language, as are the CSV tables' words; the JSON
 * never changes. The archive's CSV tables stay comma-separated (RFC 4180) in every language, for
 * the programs an archive is kept for; the single downloads follow the reader's Excel.
 */
export async function* eventArchiveEntries(
  db: Db,
  storage: FileStorage,
  { slug, eventId }: { slug: string; eventId: string },
  data: EventExport,
  locale = "en-GB",
): AsyncGenerator<ZipEntry> {
  yield text(`${slug}.made-in.json`, `${JSON.stringify(data, null, 2)}\n`);
  yield text(`${slug}-report.md`, eventMarkdown(data, locale));
  for (const table of csvTables) yield text(`csv/${slug}-${table.key}.csv`, csvFile(table, data, locale));
  const missing: string[] = [];
  for (const file of await eventFiles(db, eventId)) {
    const bytes = await storage.read(file.storageKey).catch(() => null);
    if (bytes) yield { path: file.path, bytes, compress: false };
    else missing.push(file.path);
  }
  if (missing.length > 0) {
    const t = translator(locale, "report");
    yield text("MISSING.txt", `${t("archive.missing")}\n\n${missing.join("\n")}\n`);
  }
}
