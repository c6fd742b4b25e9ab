import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessageAreas, everyPage } from "./areas";
import { type Messages, ownMessages, pickPaths } from "./catalogue";
import { clientNamespacesOf } from "./client-namespaces";
import { defaultLocale } from "./locales";

const app = path.join(process.cwd(), "app");

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pagesUnder(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.join(dir, e.name)] : [],
  );
}

/**
 * What a page's client components are given: the innermost provider around it, from the page
 * itself out through its folders' layouts to the root's. null: the whole catalogue (staff pages).
 */
function providedTo(page: string): readonly string[] | null {
  const files = [page];
  for (let dir = path.dirname(page); dir.startsWith(app); dir = path.dirname(dir)) files.push(path.join(dir, "layout.tsx"));
  for (const file of files) {
    if (!existsSync(file)) continue;
    const source = readFileSync(file, "utf8");
    if (/<NextIntlClientProvider[\s>]/.test(source) && !/messages=/.test(source)) return null;
    if (/<NextIntlClientProvider[^>]*messages=\{messagesFor\(/.test(source)) return null;
    const area = source.match(/<ClientMessages\s+area="(\w+)"/);
    if (area) return [...everyPage, ...clientMessageAreas[area[1] as keyof typeof clientMessageAreas]];
    if (/<ClientMessages[\s>]/.test(source)) return everyPage;
  }
  throw new Error(`${page}: no messages provider around it`);
}

const covers = (given: readonly string[], used: string) =>
  used !== "" && given.some((g) => used === g || used.startsWith(`${g}.`));

describe("each page's client messages", () => {
  const pages = pagesUnder(app);

  it("finds the pages and the namespaces their client components use", () => {
    expect(pages.length).toBeGreaterThan(20);
    const home = clientNamespacesOf(path.join(app, "(participant)/p/[slug]/page.tsx"));
    expect([...home]).toEqual(expect.arrayContaining(["phone.home", "board", "live.sync", "language"]));
  });

  it.each(pages.map((p) => [path.relative(app, p)]))("%s: every namespace its client components use is given to it", (rel) => {
    const page = path.join(app, rel);
    const given = providedTo(page);
    if (given === null) return;
    const missing = [...clientNamespacesOf(page)].filter((used) => !covers(given, used));
    expect(missing).toEqual([]);
  });

  it("names only messages that exist", () => {
    const english = ownMessages(defaultLocale);
    for (const paths of [everyPage, ...Object.values(clientMessageAreas)])
      for (const p of paths) expect(Object.keys(pickPaths(english, [p])), p).not.toEqual([]);
  });
});

describe("pickPaths", () => {
  const messages: Messages = { a: { b: { c: "1", d: "2" }, e: "3" }, f: { g: "4" } };

  it("keeps only the given namespaces and key paths, nested", () => {
    expect(pickPaths(messages, ["a.b.c", "f"])).toEqual({ a: { b: { c: "1" } }, f: { g: "4" } });
    expect(pickPaths(messages, ["a.e", "a.b"])).toEqual({ a: { e: "3", b: { c: "1", d: "2" } } });
    expect(pickPaths(messages, ["missing", "a.missing"])).toEqual({});
  });

  it("never writes into the catalogue it picks from", () => {
    const before = JSON.stringify(messages);
    pickPaths(messages, ["a", "a.b.c", "a.x"]);
    pickPaths(messages, ["f", "f.g"]);
    expect(JSON.stringify(messages)).toBe(before);
  });
});
