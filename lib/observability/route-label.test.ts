import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createRouteLabeler } from "./route-label";

const root = mkdtempSync(join(tmpdir(), "madein-routes-"));
mkdirSync(join(root, ".next"));
mkdirSync(join(root, "public"));
writeFileSync(join(root, "public/favicon.svg"), "<svg/>");
writeFileSync(
  join(root, ".next/app-path-routes-manifest.json"),
  JSON.stringify({
    "/page": "/",
    "/(organiser)/o/page": "/o",
    "/(organiser)/o/new/page": "/o/new",
    "/(organiser)/o/[slug]/page": "/o/[slug]",
    "/(organiser)/o/[slug]/export/csv/[table]/route": "/o/[slug]/export/csv/[table]",
    "/(organiser)/invite/[token]/page": "/invite/[token]",
    "/(participant)/c/[token]/route": "/c/[token]",
  }),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("route labels", () => {
  const label = createRouteLabeler(root);

  it("names the route pattern, never the token or slug in the path", () => {
    expect(label("/invite/secret-token-123?x=1")).toBe("/invite/[token]");
    expect(label("/c/abcdef")).toBe("/c/[token]");
    expect(label("/o/lambeth-weekend/export/csv/notes")).toBe("/o/[slug]/export/csv/[table]");
  });

  it("prefers a static route to a dynamic one", () => {
    expect(label("/o/new")).toBe("/o/new");
    expect(label("/o/new-weekend")).toBe("/o/[slug]");
    expect(label("/")).toBe("/");
  });

  it("groups framework paths and keeps public files and probes", () => {
    expect(label("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(label("/socket.io/?EIO=4&transport=polling")).toBe("/socket.io");
    expect(label("/favicon.svg")).toBe("/favicon.svg");
    expect(label("/readyz")).toBe("/readyz");
    expect(label("/wp-admin/../etc")).toBe("other");
  });
});

describe("route labels of a build in its own folder (NEXT_DIST_DIR)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads that build's routes, as the server serves it", () => {
    mkdirSync(join(root, ".next-side"));
    writeFileSync(
      join(root, ".next-side/app-path-routes-manifest.json"),
      JSON.stringify({ "/(participant)/update/[projectId]/page": "/update/[projectId]" }),
    );
    vi.stubEnv("NEXT_DIST_DIR", ".next-side");
    const label = createRouteLabeler(root);
    expect(label("/update/0b0e6a43-3d5e-4c0e-9d5b-6a7b0c1d2e3f")).toBe("/update/[projectId]");
    expect(label("/o/new")).toBe("other");
  });
});
