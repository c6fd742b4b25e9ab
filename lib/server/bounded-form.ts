/**
 * A request's multipart form, read only up to a size. `request.formData()` reads the whole body
 * into memory first, and a body sent in chunks has no length to refuse it by: one person could
 * make the process hold gigabytes before any check ran. Here the body is counted as it arrives
 * and dropped at the first byte over.
 */
export type BoundedForm = { form: FormData } | { tooBig: true } | { unreadable: true };

export type BoundedBody = { body: Buffer } | { tooBig: true } | { unreadable: true };

/** A request's body, read only up to `maxBytes` (see above). */
export async function boundedBody(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return { tooBig: true };
  if (!request.body) return { unreadable: true };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { tooBig: true };
      }
      chunks.push(value);
    }
  } catch {
    return { unreadable: true };
  }
  return { body: Buffer.concat(chunks) };
}

export async function boundedFormData(request: Request, maxBytes: number): Promise<BoundedForm> {
  const read = await boundedBody(request, maxBytes);
  if (!("body" in read)) return read;
  const type = request.headers.get("content-type") ?? "";
  try {
    return { form: await new Response(new Uint8Array(read.body), { headers: { "content-type": type } }).formData() };
  } catch {
    return { unreadable: true };
  }
}

/** A request's JSON body, read only up to `maxBytes`; `unreadable` when it is not JSON. */
export async function boundedJson(
  request: Request,
  maxBytes: number,
): Promise<{ json: unknown } | { tooBig: true } | { unreadable: true }> {
  const read = await boundedBody(request, maxBytes);
  if (!("body" in read)) return read;
  try {
    return { json: JSON.parse(read.body.toString("utf8")) };
  } catch {
    return { unreadable: true };
  }
}
