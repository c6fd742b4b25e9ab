import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { distDir } from "@/lib/server/dist-dir";

type Pattern = { label: string; regex: RegExp; dynamic: number };

const fixed = new Map<string, string>([
  ["/healthz", "/healthz"],
  ["/readyz", "/readyz"],
  ["/metrics", "/metrics"],
]);
const prefixes = ["/socket.io/", "/_next/static/", "/_next/image", "/_next/data/", "/__nextjs"];

function toPattern(route: string): Pattern {
  let dynamic = 0;
  const source = route
    .split("/")
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) {
        dynamic += 2;
        return "(?:/.*)?";
      }
      if (/^\[\.\.\..+\]$/.test(segment)) {
        dynamic += 2;
        return "/.+";
      }
      if (/^\[.+\]$/.test(segment)) {
        dynamic += 1;
        return "/[^/]+";
      }
      return segment === "" ? "" : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    })
    .join("");
  return { label: route, regex: new RegExp(`^${source || "/"}$`), dynamic };
}

/**
 * Turns a request path into the route it matched ("/o/[slug]/export/json"), so that logs and
 * metric labels carry neither the tokens in invitation and participant links nor an unbounded
 * number of distinct paths. Routes come from the production build's manifest; public files are
 * listed once. Anything else is "other".
 */
export function createRouteLabeler(root: string = process.cwd()) {
  const patterns: Pattern[] = [];
  // The build the server runs (NEXT_DIST_DIR when builds live side by side), or every route is "other".
  const manifest = resolve(root, distDir(), "app-path-routes-manifest.json");
  if (existsSync(manifest)) {
    const routes = new Set(Object.values(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>));
    for (const route of routes) patterns.push(toPattern(route));
  }
  // Static routes first, then the least dynamic: "/o/new" beats "/o/[slug]".
  patterns.sort((a, b) => a.dynamic - b.dynamic);
  const publicDir = join(root, "public");
  const publicFiles = new Set(existsSync(publicDir) ? readdirSync(publicDir).map((f) => `/${f}`) : []);

  return function routeLabel(url: string | undefined): string {
    const path = (url ?? "/").split("?")[0] ?? "/";
    const known = fixed.get(path);
    if (known) return known;
    for (const prefix of prefixes) if (path.startsWith(prefix)) return prefix.replace(/\/$/, "");
    if (publicFiles.has(path)) return path;
    for (const p of patterns) if (p.regex.test(path)) return p.label;
    return "other";
  };
}
