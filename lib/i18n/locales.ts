/**
 * The languages Made In speaks. Adding one is a folder `messages/<code>/` plus one line here
 * (see README, "Languages").
 */
export type LocaleInfo = {
  /** BCP 47 tag: the folder under messages/, the page's `lang`, and what Intl formats with. */
  code: string;
  /** The language's own name, as its speakers would look for it in a list. */
  name: string;
  /** Writing direction: sets `dir` on the page. */
  dir: "ltr" | "rtl";
  /** Where its missing keys come from before English (e.g. easy read falls back to plain English). */
  fallback?: string;
  /** True once a native speaker has reviewed the whole catalogue; until then the picker says so. */
  reviewed: boolean;
  /** Only offered when the pseudo-locale is switched on (tests and developers). */
  pseudo?: boolean;
};

export const defaultLocale = "en-GB";
export const pseudoLocale = "en-XA";

export const allLocales: readonly LocaleInfo[] = [
  { code: "en-GB", name: "English", dir: "ltr", reviewed: true },
  { code: "en-GB-x-easy", name: "English — easy read", dir: "ltr", fallback: "en-GB", reviewed: false },
  { code: "pt-PT", name: "Português", dir: "ltr", reviewed: false }, // as spoken in Lambeth's Portuguese community
  { code: "es", name: "Español", dir: "ltr", reviewed: false },
  { code: "pl", name: "Polski", dir: "ltr", reviewed: false },
  { code: "fr", name: "Français", dir: "ltr", reviewed: false },
  // Accented, lengthened English generated from en-GB: finds hard-coded text and tight layouts.
  { code: pseudoLocale, name: "Ƥşéűðő", dir: "ltr", reviewed: true, pseudo: true },
];

/** Whether the pseudo-locale is on (the test server and developers set MADEIN_PSEUDO_LOCALE=1). */
export function pseudoEnabled(): boolean {
  return process.env.MADEIN_PSEUDO_LOCALE === "1";
}

/** The languages people can pick here. */
export function offeredLocales(): LocaleInfo[] {
  return allLocales.filter((l) => !l.pseudo || pseudoEnabled());
}

export function localeInfo(code: string): LocaleInfo | undefined {
  return offeredLocales().find((l) => l.code === code);
}

/** A stored or posted language tag, if it is one we speak; anything else reads as "not chosen". */
export function knownLocale(code: string | null | undefined): string | null {
  if (!code) return null;
  const offered = offeredLocales();
  const exact = offered.find((l) => l.code.toLowerCase() === code.toLowerCase());
  if (exact) return exact.code;
  // "pt" or "pt-BR" stored or posted: the one Portuguese we speak; never easy read or the pseudo-locale.
  const language = code.split("-")[0]?.toLowerCase();
  return offered.find((l) => !l.fallback && !l.pseudo && l.code.split("-")[0]?.toLowerCase() === language)?.code ?? null;
}
