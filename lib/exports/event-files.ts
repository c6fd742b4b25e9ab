import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { boards, briefFiles, briefs, notePhotos, notes, projectCheckIns, projects, showcaseImages } from "@/db/schema";

/** An uploaded file of an event and the path it takes in the archive (named by the ids in the JSON). */
export type EventFile = { path: string; storageKey: string };

const extensions: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/heic": "heic",
  "application/pdf": "pdf",
};
const extension = (contentType: string) => extensions[contentType] ?? "bin";
/** What the uploader called a file, made safe as a path segment on any computer. */
export const safeFileName = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(-80) || "file";

/**
 * Every file people uploaded for the event: the briefs' project packs, photos on notes still on a
 * board, the teams' showcase images and the photos of project check-ins.
 */
export async function eventFiles(db: Db, eventId: string): Promise<EventFile[]> {
  const [packs, photos, images, checkIns] = await Promise.all([
    db
      .select({ id: briefFiles.id, fileName: briefFiles.fileName, storageKey: briefFiles.storageKey })
      .from(briefFiles)
      .innerJoin(briefs, eq(briefs.id, briefFiles.briefId))
      .where(eq(briefs.eventId, eventId))
      .orderBy(briefFiles.briefId, briefFiles.position),
    db
      .select({ id: notePhotos.id, contentType: notePhotos.contentType, storageKey: notePhotos.storageKey })
      .from(notePhotos)
      .where(
        and(
          eq(notePhotos.eventId, eventId),
          inArray(
            notePhotos.id,
            db
              .select({ id: notes.photoId })
              .from(notes)
              .innerJoin(boards, eq(boards.id, notes.boardId))
              .where(and(eq(boards.eventId, eventId), isNotNull(notes.photoId))),
          ),
        ),
      )
      .orderBy(notePhotos.createdAt),
    db
      .select({ id: showcaseImages.id, contentType: showcaseImages.contentType, storageKey: showcaseImages.storageKey })
      .from(showcaseImages)
      .where(eq(showcaseImages.eventId, eventId))
      .orderBy(showcaseImages.createdAt),
    db
      .select({ id: projectCheckIns.id, photos: projectCheckIns.photos })
      .from(projectCheckIns)
      .innerJoin(projects, eq(projects.id, projectCheckIns.projectId))
      .where(eq(projects.eventId, eventId))
      .orderBy(projectCheckIns.createdAt),
  ]);
  return [
    ...packs.map((f) => ({ path: `files/brief-files/${f.id}-${safeFileName(f.fileName)}`, storageKey: f.storageKey })),
    ...photos.map((p) => ({ path: `files/note-photos/${p.id}.${extension(p.contentType)}`, storageKey: p.storageKey })),
    ...images.map((i) => ({ path: `files/showcase-images/${i.id}.${extension(i.contentType)}`, storageKey: i.storageKey })),
    ...checkIns.flatMap((c) =>
      c.photos.map((p, n) => ({
        path: `files/check-in-photos/${c.id}-${n + 1}.${extension(p.contentType)}`,
        storageKey: p.storageKey,
      })),
    ),
  ];
}
