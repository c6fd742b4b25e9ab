/**
 * A request's multipart form, read only up to a size. `request.formData()` reads the whole body
 * into memory first, and a body sent in chunks has no length to refuse it by: one person could
 * make the process hold gigabytes before any check ran. Here the body is counted as it arrives
 * and dropped at the first byte over.
 */
export type BoundedForm = { form: FormData } | { tooBig: true } | { unreadable: true };

export async function boundedFormData(request: Request, maxBytes: number): Promise<BoundedForm> {
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
  const body = Buffer.concat(chunks);
  const type = request.headers.get("content-type") ?? "";
  try {
    return { form: await new Response(body, { headers: { "content-type": type } }).formData() };
  } catch {
    return { unreadable: true };
  }
}
