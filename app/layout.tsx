import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { participantClientNamespaces } from "@/lib/i18n/areas";
import { pick } from "@/lib/i18n/catalogue";
import { allLocales } from "@/lib/i18n/locales";
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
        {/* Only what participants' pages need: a phone doesn't download the staff's words. */}
        <NextIntlClientProvider messages={pick(await getMessages(), participantClientNamespaces)}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
