import { checkUpload } from "@/lib/files/file-types";
import { prepareImage, saveImage } from "@/lib/files/images";
import { type FileStorage, newStorageKey } from "@/lib/files/storage";
import { preparePhoto } from "@/lib/notes/note-photos";
import type { EventExport } from "./export-schema";

/** A file of the archive, stored again for the imported event under a new key. */
export type StoredFile = { storageKey: string; contentType: string; size: number };

/** What the import did with the files the JSON names. */
export type ImportedFiles = {
  /** By archive path: the file as this instance now stores it. */
  stored: Map<string, StoredFile>;
  /**
   * Named by the JSON but not in the upload (a plain JSON import has none of them), by path; and
   * files an export made before paths existed says were there without naming them, in words.
   */
  missing: string[];
};

// For the importing organiser only: an untitled file goes by the name it was uploaded under.
const packFileWords = (file: { title: string; fileName: string }, brief: { title: string }) =>
  `the file "${file.title || file.fileName}" of brief "${brief.title}"`;

type Reference = { path: string; kind: "photo" | "pack"; what: string; fileName?: string };

/** Every file the export names, with what it is in words an organiser would recognise. */
export function referencedFiles(data: EventExport): Reference[] {
  const refs: Reference[] = [];
  for (const b of data.briefs)
    for (const f of b.files)
      if (f.path) refs.push({ path: f.path, kind: "pack", what: packFileWords(f, b), fileName: f.fileName });
  for (const b of data.boards) {
    if (b.mapImage) refs.push({ path: b.mapImage, kind: "photo", what: `the map image of board "${b.title}"` });
    for (const n of b.notes)
      if (n.photo) refs.push({ path: n.photo, kind: "photo", what: `the photo on a note on board "${b.title}"` });
  }
  for (const p of data.projects)
    for (const c of p.checkIns)
      for (const path of c.photos ?? [])
        refs.push({ path, kind: "photo", what: `a photo in a check-in of project "${p.title}"` });
  for (const s of data.presentations.showcases)
    for (const i of s.images)
      if (i.path) refs.push({ path: i.path, kind: "photo", what: `an image in the showcase "${s.title || "untitled"}"` });
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.path) && seen.add(r.path));
}

export class FileRefused extends Error {}

/**
 * Stores every file the JSON names that the upload carries, each checked and re-encoded exactly
 * as an upload of its kind would be (photos through `preparePhoto`, project-pack files through
 * `checkUpload` and, for images, `prepareImage`). One file refused refuses the import, naming the
 * file; what was stored so far is removed again. Runs before the import's transaction, because
 * decoding images is slow and must not hold the database.
 */
export async function storeImportedFiles(
  data: EventExport,
  files: ReadonlyMap<string, Uint8Array>,
  storage: FileStorage | null,
): Promise<ImportedFiles> {
  const stored = new Map<string, StoredFile>();
  const missing: string[] = unnamedFiles(data);
  try {
    for (const ref of referencedFiles(data)) {
      const bytes = files.get(ref.path);
      if (!bytes || !storage) {
        missing.push(ref.path);
        continue;
      }
      const refuse = (message: string) => {
        throw new FileRefused(`That zip can't be imported: ${ref.what} (${ref.path}) was refused. ${message}`);
      };
      const storageKey = newStorageKey();
      if (ref.kind === "photo") {
        const prepared = await preparePhoto(bytes);
        if (!prepared.ok) refuse(prepared.message);
        else {
          await saveImage(storage, storageKey, prepared.image);
          stored.set(ref.path, { storageKey, contentType: prepared.image.contentType, size: prepared.image.bytes.byteLength });
        }
        continue;
      }
      const check = checkUpload({ name: ref.fileName ?? ref.path, size: bytes.byteLength, bytes });
      if (!check.ok) refuse(check.message);
      else {
        let kept = bytes;
        if (check.isImage) {
          // As addBriefFile: a plan or chart is kept larger than a photo, with no copies.
          const prepared = await prepareImage(bytes, { maxEdge: 4096, variants: false });
          if (!prepared.ok) refuse(prepared.message);
          else kept = prepared.image.bytes;
        }
        await storage.save(storageKey, kept);
        stored.set(ref.path, { storageKey, contentType: check.contentType, size: kept.byteLength });
      }
    }
  } catch (error) {
    await removeStoredFiles(storage, stored);
    throw error;
  }
  return { stored, missing };
}

export async function removeStoredFiles(storage: FileStorage | null, stored: Map<string, StoredFile>) {
  if (!storage) return;
  await Promise.all([...stored.values()].map((f) => storage.remove(f.storageKey).catch(() => undefined)));
}

/** Files an older export says existed without naming a path for them: they cannot come across. */
function unnamedFiles(data: EventExport): string[] {
  const unnamed: string[] = [];
  for (const b of data.briefs) for (const f of b.files) if (!f.path) unnamed.push(packFileWords(f, b));
  for (const b of data.boards)
    for (const n of b.notes) if (n.hadPhoto && n.photo === undefined) unnamed.push(`a photo on a note on board "${b.title}"`);
  for (const p of data.projects)
    for (const c of p.checkIns)
      for (let i = c.photos?.length ?? 0; i < c.photoCount; i++) unnamed.push(`a photo in a check-in of project "${p.title}"`);
  for (const s of data.presentations.showcases)
    for (const i of s.images) if (!i.path) unnamed.push(`an image in the showcase "${s.title || "untitled"}"`);
  return unnamed;
}
