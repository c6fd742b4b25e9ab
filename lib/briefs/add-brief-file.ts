import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { briefFiles, briefs } from "@/db/schema";
import { checkUpload, safeFileName } from "@/lib/files/file-types";
import { prepareImage } from "@/lib/files/images";
import { type FileStorage, newStorageKey } from "@/lib/files/storage";

export type AddBriefFileResult = { ok: true; id: string } | { ok: false; field: "file" | "brief"; message: string };

/**
 * Checks an upload (size, type, contents), stores its bytes under a random key, then records it
 * in the brief's pack. An image is opened in the browser, so it is decoded and stripped of its
 * metadata like every other upload (lib/files/images.ts); only that copy is kept. The bytes are written first and removed again if the record cannot be
 * made, so the database never points at a file that is not there.
 *
 * `submission` is the id the upload form was drawn with; it becomes the file's id. The same form
 * sent again (a reload that resends it, back then resubmit) finds its file already there and
 * stores no second copy. A file of another brief under that id is no resend: it gets an id of its own.
 */
export async function addBriefFile(
  db: Database,
  storage: FileStorage,
  input: {
    eventId: string;
    briefId: string;
    title: string;
    file: { name: string; size: number; bytes: Uint8Array };
    uploadedBy: string;
    submission?: string;
  },
): Promise<AddBriefFileResult> {
  let id = input.submission ?? randomUUID();
  if (input.submission) {
    const [held] = await db.read.select({ briefId: briefFiles.briefId }).from(briefFiles).where(eq(briefFiles.id, id));
    if (held?.briefId === input.briefId) return { ok: true, id };
    if (held) id = randomUUID();
  }
  const check = checkUpload(input.file);
  if (!check.ok) return { ok: false, field: "file", message: check.message };
  let bytes = input.file.bytes;
  if (check.isImage) {
    // A plan or a chart is read closely: kept larger than a photo, and never served in copies.
    const prepared = await prepareImage(bytes, { maxEdge: 4096, variants: false });
    if (!prepared.ok) return { ok: false, field: "file", message: prepared.message };
    bytes = prepared.image.bytes;
  }

  const storageKey = newStorageKey();
  await storage.save(storageKey, bytes);
  try {
    const added = await db.transact(async (tx) => {
      const [brief] = await tx
        .select({ id: briefs.id })
        .from(briefs)
        .where(and(eq(briefs.id, input.briefId), eq(briefs.eventId, input.eventId)));
      if (!brief) return false;
      const [last] = await tx
        .select({ max: sql<number | null>`max(${briefFiles.position})` })
        .from(briefFiles)
        .where(eq(briefFiles.briefId, input.briefId));
      const fileName = safeFileName(input.file.name, check.extension);
      // Sent twice at once, and the other copy was recorded first: this one's bytes are spares.
      const [taken] = await tx.select({ id: briefFiles.id }).from(briefFiles).where(eq(briefFiles.id, id));
      if (taken) return "again";
      await tx.insert(briefFiles).values({
        id,
        briefId: input.briefId,
        // Untitled stays untitled: the page calls it "File 2", never by the uploader's name for it.
        title: input.title,
        storageKey,
        fileName,
        contentType: check.contentType,
        size: bytes.byteLength,
        position: (last?.max ?? -1) + 1,
        uploadedBy: input.uploadedBy,
      });
      return true;
    });
    if (added !== true) {
      await storage.remove(storageKey);
      if (added === "again") return { ok: true, id };
      return { ok: false, field: "brief", message: "This brief no longer exists." };
    }
    return { ok: true, id };
  } catch (error) {
    await storage.remove(storageKey).catch(() => undefined);
    throw error;
  }
}
