import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export type ZipEntry = { path: string; bytes: Uint8Array; compress: boolean };

/**
 * A zip file as a stream, one entry read per pull, so an event's photos are never all in memory
 * at once. Photos are stored as they are (they are compressed already); text is deflated.
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const it = entries[Symbol.asyncIterator]();
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const next = await it.next();
      if (next.done) return zip.end();
      const file = next.value.compress ? new ZipDeflate(next.value.path, { level: 6 }) : new ZipPassThrough(next.value.path);
      zip.add(file);
      file.push(next.value.bytes, true);
    },
    async cancel() {
      await it.return?.();
    },
  });
}
