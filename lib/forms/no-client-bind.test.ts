import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A server action bound inside a Client Component hangs the server when its form is posted without
 * JavaScript and the page renders again (see FormAction in app/(organiser)/use-kept-form.ts):
 * every render binds a new promise and React's server render waits on it forever. Actions are
 * bound by Server Components and handed to forms as props, so no Client Component calls `.bind(`.
 */
const root = join(import.meta.dirname, "..", "..");

function clientComponents(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : clientComponents(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return /^\s*["']use client["']/.test(readFileSync(path, "utf8")) ? [path] : [];
  });
}

describe("client components", () => {
  const files = [...clientComponents(join(root, "app")), ...clientComponents(join(root, "lib"))];

  it("are found", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("never bind a function (a server action bound here hangs a no-JavaScript post)", () => {
    const code = (f: string) => readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const binding = files.filter((f) => /\.bind\(/.test(code(f))).map((f) => relative(root, f));
    expect(binding).toEqual([]);
  });
});
