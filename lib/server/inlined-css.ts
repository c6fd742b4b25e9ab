/**
 * Takes the stylesheet's second and third copies out of a page's HTML.
 *
 * With `experimental.inlineCss`, Next puts the stylesheet in the page's `<head>` as
 * `<style data-href="…" data-precedence="…">` and, again, as text rows of the React Server
 * Components payload it inlines at the end of the page: once for the root layout, once for the
 * global-error boundary (vercel/next.js#98079, #98110). On a phone on venue Wi-Fi those two
 * copies are most of the join page's bytes (bench/README.md, finding 22). React never reads them
 * on a first load: a `<style href precedence>` it hydrates is found in the document by its href
 * and kept as it is. So a text row whose text equals a `<style data-href>` already written in
 * this document is sent empty (`ID:T0,`).
 *
 * A streaming filter over the HTML text (chunks split anywhere). It never guesses: a payload it
 * does not understand (a binary chunk, a script it cannot parse) makes it a pass-through for
 * the rest of the document, which is then byte for byte what Next wrote.
 */

import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";

/** Row tags whose row is `<hex length>,<bytes>` rather than a line (react-server-dom's client). */
const lengthTags = new Set("TAOobUSsLlGgMmV");
/** Other row tags, which end at a newline; any other character after the colon is data. */
const isLineTag = (c: string) => (c >= "A" && c <= "Z") || c === "#" || c === "r" || c === "x";
/** Shorter stylesheets are not worth comparing (React outlines strings of 1,024+ chars as text rows). */
const minimumCss = 1024;
const pushCall = "self.__next_f.push(";

/** Next's htmlEscapeJsonString: what may not appear raw in an inline script. */
const escapeForScript = (json: string) =>
  json.replace(/[&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

type RowState =
  | { at: "id" }
  | { at: "tag" }
  | { at: "length"; tag: string; hex: string }
  | { at: "body"; remaining: number; kept: string[] | null; header: string; open: string }
  | { at: "line" };

export class InlinedCssFilter {
  private pending = "";
  /** How far into `pending` the closing tag was already looked for. */
  private searched = 0;
  private passThrough = false;
  /** Texts of the `<style data-href>` elements already written, by their UTF-8 length. */
  private readonly inlined = new Map<number, Set<string>>();
  private row: RowState = { at: "id" };
  /** HTML that arrived while a stylesheet-sized text row was incomplete: written after it. */
  private heldHtml: string[] | null = null;
  /** Payload bytes left out so far. */
  removedBytes = 0;

  /**
   * @param stylesheet the text of a built stylesheet by its href, for a `<style>` that holds
   *   several (React writes one element per precedence: `data-href="a.css b.css"`).
   */
  constructor(private readonly stylesheet: (href: string) => string | null = () => null) {}

  /** Feeds the next piece of the document; returns what can be written now. */
  write(chunk: string): string {
    if (this.passThrough) return chunk;
    this.pending += chunk;
    let out = "";
    let from = 0;
    for (;;) {
      const at = this.pending.indexOf("<s", from);
      if (at === -1) {
        const keep = this.pending.endsWith("<") ? 1 : 0; // "<s…" may continue in the next chunk
        out += this.html(this.pending.slice(0, this.pending.length - keep));
        this.pending = this.pending.slice(this.pending.length - keep);
        return out;
      }
      const head = this.pending.slice(at, at + 8);
      const element = head.startsWith("<style") ? "style" : head.startsWith("<script") ? "script" : null;
      if (element === null) {
        if (head.length < 8 && ("<script".startsWith(head) || "<style".startsWith(head))) {
          out += this.html(this.pending.slice(0, at)); // too short to tell yet
          this.pending = this.pending.slice(at);
          return out;
        }
        from = at + 2;
        continue;
      }
      const closing = `</${element}>`;
      const close = this.pending.indexOf(closing, at + this.searched);
      if (close === -1) {
        out += this.html(this.pending.slice(0, at)); // wait for the whole element
        this.pending = this.pending.slice(at);
        // Searched up to here already (a long <style> may come in many small pieces).
        this.searched = Math.max(0, this.pending.length - closing.length);
        return out;
      }
      this.searched = 0;
      out += this.html(this.pending.slice(0, at));
      const whole = this.pending.slice(at, close + closing.length);
      this.pending = this.pending.slice(close + closing.length);
      from = 0;
      out += element === "style" ? this.html(this.style(whole)) : this.script(whole);
      if (this.passThrough) {
        out += this.pending;
        this.pending = "";
        return out;
      }
    }
  }

  /** The end of the document: whatever is left, as it came (a row cut short included). */
  end(): string {
    const row = this.row;
    const cut = row.at === "body" && row.kept ? this.pushScript(row.open, row.header + row.kept.join("")) : "";
    const rest = cut + (this.heldHtml?.join("") ?? "") + this.pending;
    this.heldHtml = null;
    this.pending = "";
    this.passThrough = true;
    return rest;
  }

  private html(text: string): string {
    if (this.heldHtml && text !== "") {
      this.heldHtml.push(text);
      return "";
    }
    return text;
  }

  private style(element: string): string {
    const open = element.slice(0, element.indexOf(">") + 1);
    const hrefs = /\sdata-href="([^"]+)"/.exec(open)?.[1]?.split(" ");
    if (!hrefs || !/\sdata-precedence="/.test(open)) return element;
    const text = element.slice(open.length, -"</style>".length);
    let texts = [text];
    if (hrefs.length > 1) {
      const each = hrefs.map((href) => this.stylesheet(href));
      // Only when the files are exactly what the element holds, in order.
      texts = each.every((t) => t !== null) && each.join("") === text ? (each as string[]) : [];
    }
    for (const t of texts) {
      if (t.length < minimumCss) continue;
      const bytes = Buffer.byteLength(t);
      const same = this.inlined.get(bytes) ?? new Set();
      same.add(t);
      this.inlined.set(bytes, same);
    }
    return element;
  }

  private script(element: string): string {
    const open = element.slice(0, element.indexOf(">") + 1);
    const body = element.slice(open.length, -"</script>".length);
    if (!body.startsWith(pushCall)) return this.html(element);
    let payload: unknown;
    try {
      payload = body.endsWith(")") ? JSON.parse(body.slice(pushCall.length, -1)) : null;
    } catch {
      payload = null;
    }
    if (!Array.isArray(payload) || payload[0] !== 1 || typeof payload[1] !== "string") {
      // A binary chunk or a form we don't know: stop filtering, keep the order.
      if (this.row.at === "body" && this.row.kept) return this.giveUp(open) + element;
      this.passThrough = true;
      return this.html(element);
    }
    return this.rows(open, payload[1]);
  }

  /** Gives a held row back as it was, then the HTML held behind it. */
  private giveUp(open: string): string {
    const row = this.row;
    let out = "";
    if (row.at === "body" && row.kept) out += this.pushScript(open, row.header + row.kept.join(""));
    out += this.heldHtml?.join("") ?? "";
    this.heldHtml = null;
    this.row = { at: "id" };
    this.passThrough = true;
    return out;
  }

  private pushScript(open: string, text: string): string {
    return text === "" ? "" : `${open}${pushCall}${escapeForScript(JSON.stringify([1, text]))})</script>`;
  }

  /** One decoded payload chunk, its rows scanned; a stylesheet's text row is held until complete. */
  private rows(open: string, text: string): string {
    let out = "";
    let kept = ""; // payload of this chunk not held, in order
    let i = 0;
    while (i < text.length) {
      const row = this.row;
      if (row.at === "id") {
        const colon = text.indexOf(":", i);
        const end = colon === -1 ? text.length : colon + 1;
        kept += text.slice(i, end);
        i = end;
        if (colon !== -1) this.row = { at: "tag" };
      } else if (row.at === "tag") {
        const c = text[i]!;
        if (lengthTags.has(c)) {
          i++;
          this.row = { at: "length", tag: c, hex: "" };
        } else {
          this.row = { at: "line" };
          if (isLineTag(c)) {
            kept += c;
            i++;
          }
        }
      } else if (row.at === "length") {
        const comma = text.indexOf(",", i);
        const end = comma === -1 ? text.length : comma;
        row.hex += text.slice(i, end);
        i = end;
        if (comma === -1) break;
        i++;
        const remaining = /^[0-9a-f]{1,12}$/.test(row.hex) ? Number.parseInt(row.hex, 16) : Number.NaN;
        if (Number.isNaN(remaining)) {
          kept += `${row.tag}${row.hex},`;
          out += this.pushScript(open, kept) + this.giveUp(open);
          return out + this.pushScript(open, text.slice(i));
        }
        const header = `${row.tag}${row.hex},`;
        if (row.tag === "T" && this.inlined.has(remaining)) {
          // Written once it is complete and compared; the HTML after it waits behind it.
          out += this.pushScript(open, kept);
          kept = "";
          this.heldHtml = [];
          this.row = { at: "body", remaining, kept: [], header, open };
        } else {
          kept += header;
          this.row = { at: "body", remaining, kept: null, header, open };
        }
        if (remaining === 0) out += this.endBody(open);
      } else if (row.at === "body") {
        const rest = text.slice(i);
        const restBytes = Buffer.byteLength(rest);
        const taken = restBytes <= row.remaining ? rest : Buffer.from(rest).subarray(0, row.remaining).toString();
        row.remaining -= restBytes <= row.remaining ? restBytes : Buffer.byteLength(taken);
        i += taken.length;
        if (row.kept) row.kept.push(taken);
        else kept += taken;
        if (row.remaining === 0) out += this.endBody(open);
      } else {
        const newline = text.indexOf("\n", i);
        const end = newline === -1 ? text.length : newline + 1;
        kept += text.slice(i, end);
        i = end;
        if (newline !== -1) this.row = { at: "id" };
      }
    }
    if (this.row.at === "body" && this.row.kept) return out; // held: nothing after it yet
    return out + this.pushScript(open, kept);
  }

  /** A row's last byte: a held row is written now, emptied when it is an inlined stylesheet. */
  private endBody(open: string): string {
    const row = this.row;
    this.row = { at: "id" };
    if (row.at !== "body" || !row.kept) return "";
    const whole = row.kept.join("");
    const bytes = Buffer.byteLength(whole);
    const same = this.inlined.get(bytes)?.has(whole) ?? false;
    if (same) this.removedBytes += bytes;
    const out = this.pushScript(open, same ? "T0," : row.header + whole) + (this.heldHtml?.join("") ?? "");
    this.heldHtml = null;
    return out;
  }
}

/**
 * The built stylesheets, by href (`/_next/static/chunks/x.css` → `<distDir>/static/chunks/x.css`),
 * read once each. Null for anything else.
 */
export function builtStylesheets(distDir: string): (href: string) => string | null {
  const cache = new Map<string, string | null>();
  return (href) => {
    if (cache.has(href)) return cache.get(href) ?? null;
    const name = /^\/_next\/static\/chunks\/([\w.-]+\.css)$/.exec(href)?.[1];
    let text: string | null = null;
    if (name) {
      try {
        text = readFileSync(join(distDir, "static", "chunks", name), "utf8");
      } catch {
        text = null;
      }
    }
    cache.set(href, text);
    return text;
  };
}

/**
 * A request answered with a whole page (an HTML document): a first load, or a form posted
 * without JavaScript (a server action answers it with the page again, stylesheet and payload
 * included). Not a client-side navigation's RSC fetch, nor a server action called by script:
 * those carry `RSC` or `Next-Action` and get the payload alone.
 */
export function asksForDocument(req: IncomingMessage): boolean {
  return (
    (req.method === "GET" || req.method === "POST") &&
    (req.headers.accept ?? "").includes("text/html") &&
    req.headers.rsc === undefined &&
    req.headers["next-action"] === undefined
  );
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

/**
 * Puts an `InlinedCssFilter` between Next and the response (and its compression) when the
 * response is an HTML page. Decided at the first byte, from the content type; a page whose
 * headers already went out with a length is left alone.
 */
export function filterInlinedCss(
  req: IncomingMessage,
  res: ServerResponse,
  stylesheet: (href: string) => string | null = () => null,
): void {
  if (!asksForDocument(req)) return;
  const write = res.write.bind(res) as (chunk: Chunk, encoding: BufferEncoding, cb?: Callback) => boolean;
  const end = res.end.bind(res) as (chunk: Chunk, encoding: BufferEncoding, cb?: () => void) => ServerResponse;
  const decoder = new StringDecoder("utf8");
  let filter: InlinedCssFilter | null | undefined;
  const decide = () => {
    if (filter !== undefined) return filter;
    const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
    const lengthSent = res.headersSent && res.getHeader("content-length") !== undefined;
    filter = html && !lengthSent ? new InlinedCssFilter(stylesheet) : null;
    if (filter && !res.headersSent) res.removeHeader("content-length");
    return filter;
  };
  const text = (chunk: Chunk, encoding?: BufferEncoding) =>
    typeof chunk === "string" && (!encoding || encoding === "utf8" || encoding === "utf-8")
      ? decoder.write(Buffer.from(chunk)) // through the decoder: it may hold half a character
      : decoder.write(
          typeof chunk === "string"
            ? Buffer.from(chunk, encoding)
            : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
        );

  res.write = ((chunk: Chunk, encoding?: BufferEncoding | Callback, cb?: Callback) => {
    const callback = typeof encoding === "function" ? encoding : cb;
    const given = typeof encoding === "function" ? undefined : encoding;
    const f = decide();
    if (!f) return write(chunk, given ?? "utf8", callback);
    return write(f.write(text(chunk, given)), "utf8", callback);
  }) as typeof res.write;

  res.end = ((chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), cb?: () => void) => {
    const callback = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : cb;
    const body = typeof chunk === "function" ? undefined : chunk;
    const given = typeof encoding === "function" ? undefined : encoding;
    const f = body === undefined || body === null ? (filter ?? null) : decide();
    if (!f) return body === undefined || body === null ? end("", "utf8", callback) : end(body, given ?? "utf8", callback);
    const last = (body ? f.write(text(body, given)) : "") + f.write(decoder.end()) + f.end();
    return end(last, "utf8", callback);
  }) as typeof res.end;
}
