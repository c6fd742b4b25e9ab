import { unzipSync } from "fflate";
import { maxUploadBytes } from "@/lib/files/file-types";
import { maxImportBytes, maxImportLabel } from "./import-limits";
import { yieldTurn } from "./yield-turn";

/**
 * Reads what an organiser uploads to import an event: the JSON export, or the "Everything with
 * the files" zip (the JSON plus the uploaded files, event-archive.ts). A zip comes from a
 * stranger as far as this server knows, so it is checked before anything in it is inflated: how
 * many entries it has, how large they say they are once unpacked, and that every name stays
 * inside the archive. Names are never used as paths on disk (imported files get new storage
 * keys), but a zip with a name that climbs out of its folder was not made by Made In, and is
 * refused rather than half-read.
 *
 * Inflating runs on the process that serves the room, so it is done a few entries at a time,
 * each slice at most `maxEntryBytes` unpacked, letting everything else run between slices.
 */

/** An archive holds the JSON, a report, about ten tables, and the files. */
export const maxArchiveEntries = 5_000;
/**
 * Unpacked, all entries together. Photos barely compress, so an upload at its limit (50 MB) of
 * photos unpacks to about as much; more than this is not what Made In's own archive holds.
 */
export const maxUnpackedBytes = 80 * 1024 * 1024;
/**
 * The JSON alone, unpacked or uploaded on its own. A weekend of a thousand people with ten
 * thousand notes exports some 3.5 MB; it is read and checked whole, so it is kept to this.
 */
export const maxJsonBytes = 10 * 1024 * 1024;
/** One file in the archive, unpacked: no photo (8 MB) or project-pack file (10 MB) is larger. */
export const maxEntryBytes = maxUploadBytes;

export type EventUpload =
  | { ok: true; kind: "json" | "zip"; raw: unknown; files: Map<string, Uint8Array> }
  | { ok: false; message: string };

const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024).toLocaleString("en-GB")} MB`;

/** Whether an entry's name could, unpacked anywhere, land outside the folder it is unpacked in. */
export function unsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 500) return true;
  if (name.includes("\\") || name.includes("\0")) return true;
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return true;
  return name.split("/").some((part) => part === "..");
}

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03;

/** The upload's JSON (not yet checked as an export) and, for a zip, its files by path. */
export async function readEventUpload(bytes: Uint8Array): Promise<EventUpload> {
  if (bytes.byteLength === 0) return { ok: false, message: "That file is empty." };
  if (bytes.byteLength > maxImportBytes)
    return { ok: false, message: `That file is ${mb(bytes.byteLength)}; imports can be up to ${maxImportLabel}.` };
  if (!isZip(bytes)) {
    if (bytes.byteLength > maxJsonBytes)
      return {
        ok: false,
        message: `That export is ${mb(bytes.byteLength)}, more than the ${mb(maxJsonBytes)} an export can be.`,
      };
    try {
      return { ok: true, kind: "json", raw: JSON.parse(new TextDecoder().decode(bytes)), files: new Map() };
    } catch {
      return {
        ok: false,
        message:
          "That file is neither a zip nor JSON. Choose the zip (Everything with the files) or the .json from an event's exports.",
      };
    }
  }
  return readArchive(bytes);
}

const tooManyEntries = `That zip has more than ${maxArchiveEntries.toLocaleString("en-GB")} files in it; a Made In archive has far fewer. Nothing was imported.`;
const cannotOpen = "That zip can't be opened: it may be cut short, or not really a zip. Download it again and retry.";

/**
 * How many entries the zip's end record says it has (the zip64 count when there is one), or null
 * when there is no end record. Read before fflate walks the directory, which loops that many times.
 */
export function declaredEntryCount(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at >= 0 && at + 4 <= bytes.byteLength ? view.getUint32(at, true) : -1);
  for (let end = bytes.byteLength - 22; end >= 0 && bytes.byteLength - end <= 65_557; end--) {
    if (u32(end) !== 0x06054b50) continue;
    let count = Math.max(view.getUint16(end + 8, true), view.getUint16(end + 10, true));
    if (u32(end - 20) === 0x07064b50) {
      const record = u32(end - 12);
      if (u32(record) === 0x06064b50 && record + 40 <= bytes.byteLength) {
        count = Math.max(Number(view.getBigUint64(record + 24, true)), Number(view.getBigUint64(record + 32, true)));
      }
    }
    return count;
  }
  return null;
}

class Refusal extends Error {}

async function readArchive(bytes: Uint8Array): Promise<EventUpload> {
  const count = declaredEntryCount(bytes);
  if (count === null) return { ok: false, message: cannotOpen };
  if (count > maxArchiveEntries) return { ok: false, message: tooManyEntries };
  // First pass: the central directory only (the filter sees each entry's name and declared size,
  // and returning false inflates nothing; throwing stops the walk at the first wrong entry).
  const entries: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        if (entries.length >= maxArchiveEntries) throw new Refusal(tooManyEntries);
        if (unsafeEntryName(entry.name))
          throw new Refusal(
            `That zip has a file named "${entry.name.slice(0, 80)}", which points outside the archive. Made In never writes such names, so nothing was imported.`,
          );
        if (entry.compression !== 0 && entry.compression !== 8)
          throw new Refusal(`That zip packs "${entry.name.slice(0, 80)}" in a way Made In doesn't read. Nothing was imported.`);
        entries.push({ name: entry.name, size: entry.originalSize });
        return false;
      },
    });
  } catch (error) {
    return { ok: false, message: error instanceof Refusal ? error.message : cannotOpen };
  }
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > maxUnpackedBytes)
    return {
      ok: false,
      message: `That zip would unpack to ${mb(unpacked)}, more than the ${mb(maxUnpackedBytes)} an import can take. Nothing was imported.`,
    };
  const jsons = entries.filter((e) => !e.name.includes("/") && e.name.endsWith(".made-in.json"));
  if (jsons.length !== 1)
    return {
      ok: false,
      message:
        jsons.length === 0
          ? "That zip has no event export in it (a file ending .made-in.json at the top). Choose the zip from an event's exports: Everything with the files."
          : "That zip has more than one event export in it. Import one event at a time.",
    };
  const json = jsons[0] as { name: string; size: number };
  if (json.size > maxJsonBytes)
    return {
      ok: false,
      message: `The event export in that zip is ${mb(json.size)}, more than the ${mb(maxJsonBytes)} an export can be.`,
    };
  const wanted = entries.filter((e) => e.name === json.name || (e.name.startsWith("files/") && !e.name.endsWith("/")));
  const tooLarge = wanted.find((e) => e.name !== json.name && e.size > maxEntryBytes);
  if (tooLarge)
    return {
      ok: false,
      message: `That zip has a file "${tooLarge.name.slice(0, 80)}" that would unpack to ${mb(tooLarge.size)}; a file in an import can be up to ${mb(maxEntryBytes)}. Nothing was imported.`,
    };

  // Second pass: inflate only the JSON and the files, a slice at a time. fflate inflates each
  // entry into a buffer of its declared size, so an entry that lies about its size cannot grow past it.
  const unzipped = new Map<string, Uint8Array>();
  for (const slice of slices(wanted)) {
    const names = new Set(slice);
    try {
      for (const [name, data] of Object.entries(unzipSync(bytes, { filter: (entry) => names.has(entry.name) })))
        unzipped.set(name, data);
    } catch {
      return { ok: false, message: "That zip can't be opened: part of it is damaged or cut short. Download it again and retry." };
    }
    await yieldTurn();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(unzipped.get(json.name)));
  } catch {
    return { ok: false, message: `${json.name} in that zip isn't readable JSON. Was it edited by hand, or cut short?` };
  }
  unzipped.delete(json.name);
  return { ok: true, kind: "zip", raw, files: unzipped };
}

/** Entries' names in groups of at most `maxEntryBytes` unpacked (or one larger entry, the JSON). */
function slices(entries: { name: string; size: number }[]): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let size = 0;
  for (const entry of entries) {
    if (group.length > 0 && size + entry.size > maxEntryBytes) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(entry.name);
    size += entry.size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
