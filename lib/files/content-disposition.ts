/**
 * A Content-Disposition header for a file name of any origin (typed by an organiser, in an
 * imported archive, from a slug): an ASCII `filename` for old clients and the whole name as
 * `filename*` (RFC 6266, RFC 5987). A header holds Latin-1 only, so a name like "日本.pdf" written
 * raw made the response throw, and a `"` in it could add parameters of its own.
 */
export function contentDisposition(disposition: "inline" | "attachment", fileName: string): string {
  // No control characters, quotes, backslashes or path separators, in either form.
  const kept = (c: string) => (c.codePointAt(0) ?? 0) >= 0x20 && c !== "\u007f" && !'"\\/'.includes(c);
  const clean = Array.from(fileName).filter(kept).join("").trim() || "file";
  const ascii =
    clean
      .normalize("NFKD")
      // Quoted, ";" and "=" are allowed, but a naive reader splits on them: the fallback has neither.
      .replace(/[^\x20-\x7e]|[;=]/g, "")
      .replace(/\s+/g, " ")
      .trim() || "file";
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
