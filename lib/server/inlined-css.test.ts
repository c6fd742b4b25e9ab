import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { asksForDocument, InlinedCssFilter } from "./inlined-css";

const css = `@layer theme{:root{--color-ink:#1f1d2b}}.a>.b{content:"→"}${".p-4{padding:1rem}".repeat(120)}`;
const open = '<script nonce="abc">';
const escapeForScript = (json: string) =>
  json.replace(/[&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
/** A payload chunk the way Next writes it (use-flight-response.js). */
const push = (text: string) => `${open}self.__next_f.push(${escapeForScript(JSON.stringify([1, text]))})</script>`;
const textRow = (id: string, text: string) => `${id}:T${Buffer.byteLength(text).toString(16)},${text}`;
const head = `<!DOCTYPE html><html><head><style data-precedence="next" data-href="/_next/static/chunks/a.css" nonce="abc">${css}</style><script src="/x.js" async=""></script></head>`;
const body = '<body><section><span>Join</span><svg></svg><strong>s</strong></section><div hidden=""></div>';
const sameLengthText = `${"x".repeat(Buffer.byteLength(css) - 1)}y`;
/** The payload: the stylesheet twice (layout and global-error), a note's text as long as it, other rows. */
const flight = [
  '1:"$Sreact.fragment"\n',
  textRow("2", css),
  '3:I["123",["/c.js"],"default"]\n',
  textRow("4", "é".repeat(700)),
  textRow("5", sameLengthText),
  '0:{"P":null,"c":["",""],"G":[["$","style","0",{"precedence":"next","href":"/_next/static/chunks/a.css","children":"$22"}]]}\n',
  textRow("22", css),
  '6:["$","style","0",{"precedence":"next","href":"/_next/static/chunks/a.css","children":"$2"}]\n',
].join("");
const bootstrap = `${open}(self.__next_f=self.__next_f||[]).push([0])</script>`;

/** The payload a page pushes, decoded and joined: what React reads. */
function payloadOf(html: string): string {
  let out = "";
  for (const m of html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/g)) {
    const [kind, text] = JSON.parse(m[1]!) as [number, string];
    if (kind === 1) out += text;
  }
  return out;
}
const copies = (html: string) => html.split("--color-ink:#1f1d2b").length - 1;

function filterIn(chunks: string[], stylesheet?: (href: string) => string | null) {
  const filter = new InlinedCssFilter(stylesheet);
  return { html: chunks.map((c) => filter.write(c)).join("") + filter.end(), removed: filter.removedBytes };
}

/** The document cut into Next-like pushes at the given payload offsets, with HTML between them. */
function documentWith(cuts: number[], between = "") {
  const pieces: string[] = [];
  let from = 0;
  for (const cut of [...cuts, flight.length]) {
    pieces.push(push(flight.slice(from, cut)));
    from = cut;
  }
  return `${head}${body}${bootstrap}${pieces.join(between)}</body></html>`;
}

describe("InlinedCssFilter", () => {
  it("empties the payload's copies of a stylesheet already inlined, and nothing else", () => {
    const page = documentWith([]);
    expect(copies(page)).toBe(3);
    const { html, removed } = filterIn([page]);
    expect(copies(html)).toBe(1);
    expect(removed).toBe(2 * Buffer.byteLength(css));
    expect(payloadOf(html)).toBe(flight.replace(textRow("2", css), "2:T0,").replace(textRow("22", css), "22:T0,"));
    // The head, the body and the other scripts are untouched.
    expect(html.startsWith(head + body + bootstrap)).toBe(true);
    expect(html.endsWith("</body></html>")).toBe(true);
  });

  it("gives the same page however the HTML and the payload are cut", () => {
    const expected = payloadOf(filterIn([documentWith([])]).html);
    const cutsList = [[5], [2, 3, 4, 5, 6], [flight.indexOf("T") + 1], [flight.indexOf(css) + 100, flight.indexOf(css) + 2000]];
    for (let at = 0; at < flight.length; at += 97) cutsList.push([at]);
    for (const cuts of cutsList) {
      for (const between of ["", "<div>streamed</div>"]) {
        const page = documentWith(cuts, between);
        for (const size of [1, 7, 64, 4096, page.length]) {
          const chunks: string[] = [];
          for (let i = 0; i < page.length; i += size) chunks.push(page.slice(i, i + size));
          const { html } = filterIn(chunks);
          expect(payloadOf(html)).toBe(expected);
          expect(html.startsWith(head + body + bootstrap)).toBe(true);
          // HTML held behind a split row comes after it, all of it, in order.
          expect(html.split("<div>streamed</div>").length).toBe(page.split("<div>streamed</div>").length);
        }
      }
    }
  });

  it("leaves a page alone when its payload holds no inlined stylesheet", () => {
    const noStyle = `<html><head></head>${body}${bootstrap}${push(flight)}</body></html>`;
    expect(filterIn([noStyle]).html).toBe(noStyle);
    // A stylesheet as long as the payload's text rows but not the same: the rows are kept whole.
    const otherStyle = noStyle.replace(
      "<head>",
      `<head><style data-precedence="next" data-href="/b.css">${css.replace("ink", "inx")}</style>`,
    );
    const { html, removed } = filterIn([otherStyle]);
    expect(removed).toBe(0);
    expect(payloadOf(html)).toBe(flight);
    // A plain <style> (no href) is not a stylesheet React would find by its href.
    const plain = noStyle.replace("<head>", `<head><style>${css}</style>`);
    expect(filterIn([plain]).html).toBe(plain);
  });

  it("empties each file of a <style> that holds several, when the files are what it holds", () => {
    const screen = `.screen{color:red}${".wall{gap:1rem}".repeat(80)}`;
    const files: Record<string, string> = { "/_next/static/chunks/a.css": css, "/_next/static/chunks/s.css": screen };
    const twoSheets = documentWith([])
      .replace('data-href="/_next/static/chunks/a.css"', 'data-href="/_next/static/chunks/a.css /_next/static/chunks/s.css"')
      .replace(`${css}</style>`, `${css}${screen}</style>`)
      .replace(push(flight), push(flight + textRow("30", screen)));
    const { html, removed } = filterIn([twoSheets], (href) => files[href] ?? null);
    expect(removed).toBe(2 * Buffer.byteLength(css) + Buffer.byteLength(screen));
    expect(payloadOf(html)).toContain("30:T0,");
    // Files that are not what the element holds (another build): nothing is taken out.
    const stale = filterIn([twoSheets], (href) => (href.endsWith("s.css") ? `${screen} ` : (files[href] ?? null)));
    expect(stale.removed).toBe(0);
    expect(filterIn([twoSheets]).removed).toBe(0);
  });

  it("stops filtering, losing nothing, at a payload it does not understand", () => {
    const binary = `${open}self.__next_f.push(${JSON.stringify([3, "AAEC"])})</script>`;
    const page = documentWith([]).replace(bootstrap, bootstrap + binary);
    expect(filterIn([page]).html).toBe(page);
    // Cut inside the held row: the row is given back whole.
    const cut = flight.indexOf(css) + 10;
    const held = `${head}${body}${push(flight.slice(0, cut))}<p>x</p>${binary}${push(flight.slice(cut))}</body></html>`;
    const { html } = filterIn([held]);
    expect(payloadOf(html)).toBe(flight);
    expect(html).toContain("<p>x</p>");
    expect(html).toContain(binary);
    // The page ends inside a held row (the render failed): what came is still written.
    const truncated = `${head}${body}${push(flight.slice(0, cut))}<p>x</p>`;
    const short = filterIn([truncated]).html;
    expect(payloadOf(short)).toBe(flight.slice(0, cut));
    expect(short.endsWith("<p>x</p>")).toBe(true);
    const broken = `${head}${body}${open}self.__next_f.push([1,"2:T</script>${push(flight)}</body></html>`;
    expect(filterIn([broken]).html).toBe(broken);
  });
});

describe("asksForDocument", () => {
  const asking = (method: string, headers: Record<string, string>) =>
    asksForDocument({ method, headers } as unknown as IncomingMessage);
  const browser = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

  it("is a page's first load or a form posted without JavaScript", () => {
    expect(asking("GET", browser)).toBe(true);
    expect(asking("POST", { ...browser, "content-type": "multipart/form-data; boundary=x" })).toBe(true);
  });

  it("is not what a script asks for: a navigation's payload, a server action's answer, an API call", () => {
    expect(asking("GET", { ...browser, rsc: "1" })).toBe(false);
    expect(asking("POST", { accept: "text/x-component", "next-action": "abc" })).toBe(false);
    expect(asking("POST", { ...browser, "next-action": "abc" })).toBe(false);
    expect(asking("GET", { accept: "application/json" })).toBe(false);
    expect(asking("PUT", browser)).toBe(false);
    expect(asking("HEAD", browser)).toBe(false);
  });
});
