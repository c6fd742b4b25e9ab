import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

/** Server code under these folders; browsers' code ("use client", the realtime client) may use the console. */
const roots = ["lib", "app"];
const browserOnly = (path: string, text: string) => /^\s*["']use client["']/.test(text) || path.includes("/realtime/client/");

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

it("server code reports failures through the JSON logger, never as plain text on the console", () => {
  const offenders = roots.flatMap(serverFiles).filter((path) => {
    const text = readFileSync(path, "utf8");
    return !browserOnly(path, text) && /\bconsole\.(error|warn|log|info)\(/.test(text);
  });
  expect(offenders).toEqual([]);
});
