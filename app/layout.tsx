import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { allLocales } from "@/lib/i18n/locales";
import { Announcer } from "./ui/announcer";
import { ForgetLeftBehind } from "./ui/forget-left-behind";
import "./globals.css";

// Every page reads live data (the database, the visitor's cookie): nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: "Made In", template: "%s · Made In" },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f5e59",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const dir = allLocales.find((l) => l.code === locale)?.dir ?? "ltr";
  return (
    <html lang={locale} dir={dir}>
      <body className="font-sans antialiased">
        {/* Only what every page needs; a page that needs more says so (lib/i18n/areas.ts). */}
        <ClientMessages>{children}</ClientMessages>
        <ForgetLeftBehind />
        <Announcer />
      </body>
    </html>
  );
}
