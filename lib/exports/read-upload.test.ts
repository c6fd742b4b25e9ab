import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { declaredEntryCount, maxArchiveEntries, readEventUpload, unsafeEntryName } from "./read-upload";

const json = strToU8(JSON.stringify({ format: "made-in/event", version: 1 }));
const zip = (entries: Record<string, Uint8Array>) => zipSync(entries, { level: 1 });
const message = (bytes: Uint8Array) => {
  const read = readEventUpload(bytes);
  return read.ok ? "read" : read.message;
};

/** Rewrites every central-directory entry's declared unpacked size (as a crafted zip would). */
function withDeclaredSize(bytes: Uint8Array, size: number) {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 46 <= copy.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return copy;
}

describe("reading an upload to import", () => {
  it("reads the JSON alone, and the zip's JSON with its files", () => {
    const plain = readEventUpload(json);
    expect(plain).toMatchObject({ ok: true, kind: "json", raw: { format: "made-in/event" } });
    const archive = readEventUpload(
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

  it("refuses a zip-slip name, saying which", () => {
    expect(message(zip({ "weekend.made-in.json": json, "../../etc/cron.d/x": strToU8("boom") }))).toBe(
      'That zip has a file named "../../etc/cron.d/x", which points outside the archive. Made In never writes such names, so nothing was imported.',
    );
    for (const name of ["/etc/passwd", "files/../../x", "C:/Windows/x", "files\\..\\x", ""])
      expect(unsafeEntryName(name)).toBe(true);
    expect(unsafeEntryName("files/note-photos/a..b.jpg")).toBe(false);
  });

  it("refuses too many entries, before walking them", () => {
    const many: Record<string, Uint8Array> = { "weekend.made-in.json": json };
    for (let i = 0; i < maxArchiveEntries + 1; i++) many[`files/note-photos/${i}.jpg`] = new Uint8Array([i % 256]);
    const bytes = zip(many);
    expect(declaredEntryCount(bytes)).toBe(maxArchiveEntries + 2);
    expect(message(bytes)).toMatch(/^That zip has more than 5,000 files in it/);
  });

  it("refuses a zip that says it unpacks to more than an import can take, inflating nothing", () => {
    const bytes = withDeclaredSize(
      zip({ "weekend.made-in.json": json, "files/note-photos/a.jpg": strToU8("x") }),
      150 * 1024 * 1024,
    );
    expect(message(bytes)).toBe(
      "That zip would unpack to 300 MB, more than the 200 MB an import can take. Nothing was imported.",
    );
  });

  it("says plainly what else is wrong: cut short, no export inside, two exports, not a zip nor JSON", () => {
    const good = zip({ "weekend.made-in.json": json });
    expect(message(good.subarray(0, good.length - 30))).toMatch(/^That zip can't be opened: it may be cut short/);
    expect(message(zip({ "notes.txt": strToU8("hello") }))).toMatch(/^That zip has no event export in it/);
    expect(message(zip({ "a.made-in.json": json, "b.made-in.json": json }))).toBe(
      "That zip has more than one event export in it. Import one event at a time.",
    );
    expect(message(zip({ "weekend.made-in.json": strToU8("{ not json") }))).toBe(
      "weekend.made-in.json in that zip isn't readable JSON. Was it edited by hand, or cut short?",
    );
    expect(message(strToU8("hello"))).toMatch(/^That file is neither a zip nor JSON/);
    expect(message(new Uint8Array())).toBe("That file is empty.");
  });
});
