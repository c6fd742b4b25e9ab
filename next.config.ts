import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Each request's language and messages (lib/i18n/request.ts): no locale in the URL, so links and QR codes stay the same.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // libSQL is a native addon: it must be required at run time, never bundled.
  serverExternalPackages: ["@libsql/client", "libsql"],
  poweredByHeader: false,
  // server.ts compresses (lib/server/start-server.ts): a page is filtered before it is compressed.
  compress: false,
  // Lets two builds (e.g. a developer and a test run) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Uploads go through server actions (so they work without JavaScript): project-pack files up to
  // 10 MB (lib/files/file-types.ts), and an event's zip archive to import up to 50 MB
  // (lib/exports/read-upload.ts), plus room for the form's other fields.
  experimental: {
    serverActions: { bodySizeLimit: "51mb" },
    // The stylesheet (Tailwind, ~11 KB on the wire) goes in the page's <head> rather than a
    // render-blocking request: on venue Wi-Fi (150 ms a round trip) the join page painted only
    // after that second fetch (bench/README.md, finding 16).
    inlineCss: true,
  },
  // Metadata (a page's <title>) is rendered with the page, never streamed after it: streamed, each
  // refresh that follows the room (router.refresh) took the old <title> away before the new one
  // came, so a tab, a screen reader or an accessibility check could find a page with no title.
  // The titles come from the message catalogue: holding the page for them costs nothing measurable.
  htmlLimitedBots: /.*/,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` owns type errors; the build need not redo them
};

export default withNextIntl(nextConfig);
