import english from "@/messages/en-GB/home.json";
import easy from "@/messages/en-GB-x-easy/home.json";
import spanish from "@/messages/es/home.json";
import french from "@/messages/fr/home.json";
import polish from "@/messages/pl/home.json";
import portuguese from "@/messages/pt-PT/home.json";
import { languageCookie } from "./choice-cookie";
import { defaultLocale } from "./locales";
import { askedLocale } from "./negotiate";

/**
 * The words of the page shown when the root layout itself breaks (app/global-error.tsx). That
 * page has no request's messages to read, so it carries the few sentences it says, in every
 * language, from the same catalogues (messages/<language>/home.json `crashed`): a translator
 * still edits them in one place.
 */
export type CrashedWords = (typeof english)["crashed"];

const words: Record<string, CrashedWords> = {
  "en-GB": english.crashed,
  "en-GB-x-easy": easy.crashed,
  "pt-PT": portuguese.crashed,
  es: spanish.crashed,
  pl: polish.crashed,
  fr: french.crashed,
};

/** The words in `locale`, English for a language without them. */
export function crashedWords(locale: string): CrashedWords {
  return words[locale] ?? english.crashed;
}

/**
 * The language of the broken page, as the browser knows it: the one chosen here (the language
 * cookie), else the best of the browser's languages we speak, else English. The server's other
 * reasons (the person's kept choice, the event's language) are out of reach once its layout broke.
 */
export function crashedLocale(browser: { cookie: string; languages: readonly string[] }): string {
  const chosen = browser.cookie
    .split("; ")
    .find((c) => c.startsWith(`${languageCookie}=`))
    ?.slice(languageCookie.length + 1);
  let decoded: string | null = null;
  try {
    decoded = chosen ? decodeURIComponent(chosen) : null;
  } catch {
    // A cookie this browser mangled: as if nothing was chosen.
  }
  const asked = askedLocale({ chosen: decoded, acceptLanguage: browser.languages.join(",") });
  return asked && words[asked] ? asked : defaultLocale;
}
