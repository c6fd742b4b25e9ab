import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the Next.js build lives: `.next`, or NEXT_DIST_DIR when two builds live side by side (next.config.ts). */
export const distDir = () => process.env.NEXT_DIST_DIR ?? ".next";

/** One of the build's server manifests (`server-reference-manifest.json`, `app-paths-manifest.json`…), parsed. */
export function serverManifest<T>(name: string): T {
  return JSON.parse(readFileSync(join(distDir(), "server", name), "utf8")) as T;
}
