import type { MetadataRoute } from "next";
import { messagesFor } from "./catalogue";
import { allLocales } from "./locales";

/**
 * The web app manifest in the reader's language: what a tablet's "add to home screen" shows.
 * The name is the product's own, the same in every language; its description, language and
 * writing direction are the reader's.
 */
export function appManifest(locale: string): MetadataRoute.Manifest {
  const app = messagesFor(locale).app;
  const description = typeof app === "object" && typeof app.description === "string" ? app.description : "";
  return {
    name: "Made In",
    short_name: "Made In",
    description,
    lang: locale,
    dir: allLocales.find((l) => l.code === locale)?.dir ?? "ltr",
    start_url: "/",
    display: "standalone",
    background_color: "#faf7f0",
    theme_color: "#0f5e59",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
