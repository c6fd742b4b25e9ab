import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { safeFileName } from "./event-files";
import { type ZipEntry, zipStream } from "./zip-stream";

async function collect(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

describe("zipStream", () => {
  it("writes every entry, text deflated and files as they are, readable by any unzip", async () => {
    const photo = new Uint8Array(50_000).map((_, i) => (i * 7919) % 251);
    let read = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      read++;
      yield { path: "event.json", bytes: new TextEncoder().encode('{"name":"Made in Lambeth"}'), compress: true };
      read++;
      yield { path: "files/note-photos/a.jpg", bytes: photo, compress: false };
    }
    const zipped = await collect(zipStream(entries()));
    const files = unzipSync(zipped);
    expect(Object.keys(files)).toEqual(["event.json", "files/note-photos/a.jpg"]);
    expect(new TextDecoder().decode(files["event.json"])).toBe('{"name":"Made in Lambeth"}');
    expect(files["files/note-photos/a.jpg"]).toEqual(photo);
    expect(read).toBe(2);
  });

  it("is an empty but valid zip when there is nothing to put in it", async () => {
    async function* none(): AsyncGenerator<ZipEntry> {}
    expect(unzipSync(await collect(zipStream(none())))).toEqual({});
  });
});

describe("safeFileName", () => {
  it("keeps what the uploader called a file, without path tricks or odd characters", () => {
    expect(safeFileName("site map.png")).toBe("site-map.png");
    expect(safeFileName("../../etc/passwd")).toBe("etc-passwd");
    expect(safeFileName("Café plan (v2).pdf")).toBe("Cafe-plan-v2-.pdf");
    expect(safeFileName("")).toBe("file");
  });
});
