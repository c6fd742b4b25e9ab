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
 * Where each kind of file goes in the archive. The JSON names the same paths (a note's `photo`,
 * a board's `mapImage`, a check-in's `photos`, a brief file's and a showcase image's `path`), so
 * an import finds a file by what the JSON says, never by guessing from a name.
 */
export const archivePaths = {
  briefFile: (id: string, fileName: string) => `files/brief-files/${id}-${safeFileName(fileName)}`,
  notePhoto: (id: string, contentType: string) => `files/note-photos/${id}.${extension(contentType)}`,
  mapImage: (id: string, contentType: string) => `files/map-images/${id}.${extension(contentType)}`,
  showcaseImage: (id: string, contentType: string) => `files/showcase-images/${id}.${extension(contentType)}`,
  checkInPhoto: (checkInId: string, n: number, contentType: string) =>
    `files/check-in-photos/${checkInId}-${n + 1}.${extension(contentType)}`,
};

/**
 * Every file people uploaded for the event: the briefs' project packs, the map images of map
 * boards, photos on notes still on a board, the teams' showcase images and the photos of project
 * check-ins.
 */
export async function eventFiles(db: Db, eventId: string): Promise<EventFile[]> {
  const [packs, photos, maps, images, checkIns] = await Promise.all([
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
      .select({ id: notePhotos.id, contentType: notePhotos.contentType, storageKey: notePhotos.storageKey })
      .from(notePhotos)
      .innerJoin(boards, eq(boards.mapPhotoId, notePhotos.id))
      .where(and(eq(notePhotos.eventId, eventId), eq(boards.eventId, eventId)))
      .orderBy(boards.position),
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
  const seen = new Set<string>();
  const once = (files: EventFile[]) => files.filter((f) => !seen.has(f.path) && seen.add(f.path));
  return once([
    ...packs.map((f) => ({ path: archivePaths.briefFile(f.id, f.fileName), storageKey: f.storageKey })),
    ...maps.map((p) => ({ path: archivePaths.mapImage(p.id, p.contentType), storageKey: p.storageKey })),
    ...photos.map((p) => ({ path: archivePaths.notePhoto(p.id, p.contentType), storageKey: p.storageKey })),
    ...images.map((i) => ({ path: archivePaths.showcaseImage(i.id, i.contentType), storageKey: i.storageKey })),
    ...checkIns.flatMap((c) =>
      c.photos.map((p, n) => ({ path: archivePaths.checkInPhoto(c.id, n, p.contentType), storageKey: p.storageKey })),
    ),
  ]);
}

/** Note photos and map images of the event, by id: what the JSON's paths are made from. */
export async function eventPhotoTypes(db: Db, eventId: string) {
  const rows = await db
    .select({ id: notePhotos.id, contentType: notePhotos.contentType })
    .from(notePhotos)
    .where(eq(notePhotos.eventId, eventId));
  return new Map(rows.map((r) => [r.id, r.contentType]));
}
