import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The message namespaces a page's client components can ask for: every `useTranslations("…")` in a
 * file the browser runs, found by following the page's imports from where they cross into
 * "use client" (a file imported by a client file is client too). Whole files are counted, so a
 * file with a server-only component beside a client one counts both: too many, never too few.
 * For tests (lib/i18n/client-messages.test.ts); reads the sources, so not for the running app.
 */
export function clientNamespacesOf(entry: string, root = process.cwd()): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const source = readFileSync(file, "utf8");
    const isClient = client || /^\s*["']use client["']/m.test(source.slice(0, 200));
    const key = `${file}|${isClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (isClient) {
      for (const m of source.matchAll(/useTranslations\(\s*(?:"([^"]*)"|'([^']*)')?\s*\)/g)) found.add(m[1] ?? m[2] ?? "");
    }
    const imports = [
      ...[...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)]
        .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0]))
        .map((m) => m[1]!),
      ...[...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
    ];
    for (const spec of imports) {
      const target = resolveImport(spec, file, root);
      if (target) visit(target, isClient);
    }
  };
  visit(path.resolve(root, entry), false);
  return found;
}

function resolveImport(spec: string, from: string, root: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}
