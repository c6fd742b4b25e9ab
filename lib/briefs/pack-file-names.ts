import { slugify } from "@/lib/events/slug";
import { fileKindKey } from "@/lib/files/file-types";

/**
 * What anyone who is not the event's staff downloads a pack file as: the brief's title, the
 * file's place in the pack and its kind ("love-your-space-2.pdf"). Never the name it was
 * uploaded under: a photo saved as "Jane Smith age 12.jpg" would tell strangers who is in it.
 * The brief's title is already on the public page, so the name says nothing the page does not.
 */
export function publicDownloadName(file: { briefTitle: string; place: number; contentType: string }): string {
  return `${slugify(file.briefTitle, "brief")}-${file.place}.${fileKindKey(file.contentType) ?? "bin"}`;
}

/** A file's place in its pack, counted from 1 in the order the pack lists it (0: not in it). */
export function placeInPack(packFileIds: readonly string[], fileId: string): number {
  return packFileIds.indexOf(fileId) + 1;
}
