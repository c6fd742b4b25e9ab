import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { briefFiles, briefs } from "@/db/schema";
import type { FileStorage } from "@/lib/files/storage";

/** Takes a file out of a brief's pack and deletes its bytes. */
export async function removeBriefFile(db: Database, storage: FileStorage, input: { eventId: string; fileId: string }) {
  const removed = await db.transact(async (tx) => {
    const [file] = await tx
      .select({ id: briefFiles.id, storageKey: briefFiles.storageKey })
      .from(briefFiles)
      .innerJoin(briefs, eq(briefs.id, briefFiles.briefId))
      .where(and(eq(briefFiles.id, input.fileId), eq(briefs.eventId, input.eventId)));
    if (!file) return null;
    await tx.delete(briefFiles).where(eq(briefFiles.id, file.id));
    return file;
  });
  // After the commit: if deleting the bytes fails, an orphan file is left, never a broken link.
  if (removed) await storage.remove(removed.storageKey).catch(() => undefined);
  return removed !== null;
}
