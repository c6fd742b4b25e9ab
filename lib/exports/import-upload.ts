import type { Database } from "@/db/client";
import type { FileStorage } from "@/lib/files/storage";
import { parseEventExport } from "./export-schema";
import { importEvent } from "./import-event";
import { FileRefused } from "./import-files";
import { readEventUpload } from "./read-upload";
import { yieldTurn } from "./yield-turn";

export type UploadImported =
  | { ok: true; made: Awaited<ReturnType<typeof importEvent>> }
  /** Why the file can't be imported, in English words from lib (errors.json says them in every language). */
  | { ok: false; message: string }
  /** A rule of the database refused it half way (and the import was undone): the error, for the log. */
  | { ok: false; broke: unknown };

/**
 * What the import page does with an uploaded file: read it (the zip unpacked a slice at a time),
 * check it as an export (every list within export-caps.ts), and write it as a new draft event a
 * slice at a time, letting the room's work run between each stage.
 */
export async function importUpload(
  db: Database,
  bytes: Uint8Array,
  accountId: string,
  storage: FileStorage,
): Promise<UploadImported> {
  const upload = await readEventUpload(bytes);
  if (!upload.ok) return upload;
  await yieldTurn();
  const parsed = parseEventExport(upload.raw);
  if (!parsed.ok) return parsed;
  await yieldTurn();
  try {
    return { ok: true, made: await importEvent(db, parsed.data, accountId, { files: upload.files, storage }) };
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, message: error.message };
    return { ok: false, broke: error };
  }
}
