import type { Metadata, Viewport } from "next";
import "./globals.css";

// Every page reads live data (the database, the visitor's cookie): nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Made In", template: "%s · Made In" },
  description: "Run a co-production weekend: published briefs, team sign-up on phones, live boards, dot-voting and follow-up.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f5e59",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="font-sans antialiased">{children}</body>
    </html>
  );
}
