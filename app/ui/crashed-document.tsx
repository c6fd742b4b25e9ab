import { crashedWords } from "@/lib/i18n/crashed-words";
import { allLocales } from "@/lib/i18n/locales";
import { CrashedPage } from "./crashed-page";

/**
 * The whole document shown when the root layout broke (app/global-error.tsx): its own <html> and
 * <body>, in `locale`, looking like the other pages' error page (app/error.tsx).
 */
export function CrashedDocument({ locale, digest, retry }: { locale: string; digest?: string; retry: () => void }) {
  const t = crashedWords(locale);
  return (
    <html lang={locale} dir={allLocales.find((l) => l.code === locale)?.dir ?? "ltr"}>
      <body className="font-sans antialiased">
        <title>{t.title}</title>
        <CrashedPage words={{ ...t, reference: digest ? t.reference.replace("{digest}", digest) : null }} retry={retry} />
      </body>
    </html>
  );
}
