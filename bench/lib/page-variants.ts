/**
 * `npm run bench:phone -- --only variants` (finding 24): how much of a page's LCP over the bare
 * page's is its stylesheet, its fonts, and the live server. The page's own HTML is taken once and
 * served whole (gzip, with a length, as a static file would be) in versions that differ in one
 * thing each; every other path (its scripts) is passed through to the app.
 */
import { createServer, request, type Server } from "node:http";
import { gzipSync } from "node:zlib";

/** The page's one inlined stylesheet: `<style … data-href="…">…</style>` in its head. */
const inlinedStyle = /(<style[^>]*data-href="[^"]+"[^>]*>)([\s\S]*?)(<\/style>)/;

export function pageVariants(html: string): Record<string, string> {
  const style = inlinedStyle.exec(html);
  if (!style) throw new Error("the page has no inlined stylesheet to vary");
  const css = style[2]!;
  const withCss = (next: string) =>
    html.slice(0, style.index) + style[1] + next + style[3] + html.slice(style.index + style[0].length);
  const fontStack = /--font-sans:[^;}]+/.exec(css);
  return {
    /** The same bytes the server sent, all at once: what the server's own time and streaming add. */
    whole: html,
    /** No stylesheet at all: the floor any styled version of this page could reach. */
    noStylesheet: withCss(""),
    /** The stylesheet with the sans stack reduced to the generic family (no named-font lookups). */
    genericFont: fontStack ? withCss(css.replace(fontStack[0], "--font-sans:sans-serif")) : html,
  };
}

/** Serves `/v/<name>` from `variants`, and proxies everything else to `upstream`. */
export function serveVariants(variants: Record<string, string>, upstream: string): Promise<{ url: string; server: Server }> {
  const target = new URL(upstream);
  const bodies = new Map(Object.entries(variants).map(([name, html]) => [name, gzipSync(html)]));
  const server = createServer((req, res) => {
    const name = /^\/v\/([\w-]+)$/.exec(req.url ?? "")?.[1];
    const body = name ? bodies.get(name) : undefined;
    if (body) {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-encoding": "gzip",
        "content-length": body.length,
        "cache-control": "no-store",
      });
      res.end(body);
      return;
    }
    const forward = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      done({ url: `http://127.0.0.1:${port}`, server });
    }),
  );
}
