import { contentDisposition } from "@/lib/files/content-disposition";

/** A JSON attachment for one person's own data: never cached, never shown as a page. */
export function jsonDownload(data: unknown, fileName: string) {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
