import type { MetadataRoute } from "next";

/** Lets a facilitator pin the console to a tablet's home screen; participants need nothing installed. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Made In",
    short_name: "Made In",
    description: "Run a co-production weekend: briefs, team sign-up on phones, live boards, dot-voting and follow-up.",
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
