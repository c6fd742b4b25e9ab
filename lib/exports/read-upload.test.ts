import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  declaredEntryCount,
  maxArchiveEntries,
  maxEntryBytes,
  maxJsonBytes,
  readEventUpload,
  unsafeEntryName,
} from "./read-upload";

const json = strToU8(JSON.stringify({ format: "made-in/event", version: 1 }));
const zip = (entries: Record<string, Uint8Array>) => zipSync(entries, { level: 1 });
const message = async (bytes: Uint8Array) => {
  const read = await readEventUpload(bytes);
  return read.ok ? "read" : read.message;
};

/** Rewrites the central-directory entries' declared unpacked size (as a crafted zip would): every one, or those named. */
function withDeclaredSize(bytes: Uint8Array, size: number, only?: string) {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 46 <= copy.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(copy.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    if (only === undefined || name === only) view.setUint32(i + 24, size, true);
  }
  return copy;
}

describe("reading an upload to import", async () => {
  it("reads the JSON alone, and the zip's JSON with its files", async () => {
    const plain = await readEventUpload(json);
    expect(plain).toMatchObject({ ok: true, kind: "json", raw: { format: "made-in/event" } });
    const archive = await readEventUpload(
      zip({
        "weekend.made-in.json": json,
        "weekend-report.md": strToU8("# Report"),
        "csv/weekend-people.csv": strToU8("a,b"),
        "files/note-photos/abc.jpg": new Uint8Array([1, 2, 3]),
      }),
    );
    expect(archive.ok).toBe(true);
    if (!archive.ok) return;
    expect(archive.kind).toBe("zip");
    expect(archive.raw).toMatchObject({ version: 1 });
    expect([...archive.files.keys()]).toEqual(["files/note-photos/abc.jpg"]);
  });

  it("refuses a zip-slip name, saying which", async () => {
    expect(await message(zip({ "weekend.made-in.json": json, "../../etc/cron.d/x": strToU8("boom") }))).toBe(
      'That zip has a file named "../../etc/cron.d/x", which points outside the archive. Made In never writes such names, so nothing was imported.',
    );
    for (const name of ["/etc/passwd", "files/../../x", "C:/Windows/x", "files\\..\\x", ""])
      expect(unsafeEntryName(name)).toBe(true);
    expect(unsafeEntryName("files/note-photos/a..b.jpg")).toBe(false);
  });

  it("refuses too many entries, before walking them", async () => {
    const many: Record<string, Uint8Array> = { "weekend.made-in.json": json };
    for (let i = 0; i < maxArchiveEntries + 1; i++) many[`files/note-photos/${i}.jpg`] = new Uint8Array([i % 256]);
    const bytes = zip(many);
    expect(declaredEntryCount(bytes)).toBe(maxArchiveEntries + 2);
    expect(await message(bytes)).toMatch(/^That zip has more than 5,000 files in it/);
  });

  it("refuses a zip that says it unpacks to more than an import can take, inflating nothing", async () => {
    const bytes = withDeclaredSize(
      zip({ "weekend.made-in.json": json, "files/note-photos/a.jpg": strToU8("x") }),
      150 * 1024 * 1024,
    );
    expect(await message(bytes)).toBe(
      "That zip would unpack to 300 MB, more than the 80 MB an import can take. Nothing was imported.",
    );
  });

  it("refuses a file in the zip that says it unpacks past what any photo or pack file may be, inflating nothing", async () => {
    // What eight parallel posts of one 200 KB zip did: each entry declared 39 MB of zeros.
    const bytes = withDeclaredSize(
      zip({ "weekend.made-in.json": json, "files/note-photos/a.jpg": new Uint8Array(1000) }),
      39 * 1024 * 1024,
      "files/note-photos/a.jpg",
    );
    expect(await message(bytes)).toBe(
      'That zip has a file "files/note-photos/a.jpg" that would unpack to 39 MB; a file in an import can be up to 10 MB. Nothing was imported.',
    );
  });

  it("refuses an export larger than one can be before reading it as JSON", async () => {
    const big = new Uint8Array(maxJsonBytes + 1).fill(0x20);
    expect(await message(big)).toBe("That export is 11 MB, more than the 10 MB an export can be.");
  });

  it("unpacks a zip a slice at a time: what else waits on the process runs before the reading is done", async () => {
    const photos: Record<string, Uint8Array> = { "weekend.made-in.json": json };
    for (let i = 0; i < 4; i++) photos[`files/note-photos/${i}.jpg`] = new Uint8Array(maxEntryBytes - 1024).fill(i);
    const bytes = zip(photos);
    let ranMeanwhile = false;
    setTimeout(() => {
      ranMeanwhile = true;
    }, 0);
    const read = await readEventUpload(bytes);
    // A timer set before the reading began fired before it ended: the reading let it in.
    expect(ranMeanwhile).toBe(true);
    expect(read.ok && [...read.files.keys()].length).toBe(4);
  });

  it("says plainly what else is wrong: cut short, no export inside, two exports, not a zip nor JSON", async () => {
    const good = zip({ "weekend.made-in.json": json });
    expect(await message(good.subarray(0, good.length - 30))).toMatch(/^That zip can't be opened: it may be cut short/);
    expect(await message(zip({ "notes.txt": strToU8("hello") }))).toMatch(/^That zip has no event export in it/);
    expect(await message(zip({ "a.made-in.json": json, "b.made-in.json": json }))).toBe(
      "That zip has more than one event export in it. Import one event at a time.",
    );
    expect(await message(zip({ "weekend.made-in.json": strToU8("{ not json") }))).toBe(
      "weekend.made-in.json in that zip isn't readable JSON. Was it edited by hand, or cut short?",
    );
    expect(await message(strToU8("hello"))).toMatch(/^That file is neither a zip nor JSON/);
    expect(await message(new Uint8Array())).toBe("That file is empty.");
  });
});
