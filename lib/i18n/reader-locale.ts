import { parseCookieHeader } from "@/lib/auth/cookies";
import { languageCookie } from "./choice-cookie";
import { resolveLocale } from "./negotiate";

/**
 * The language of an answer the server gives without a page (a request mistake, an image that
 * isn't there): the language this browser chose, else the one it asks for, else English.
 */
export function readerLocale(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): string {
  return resolveLocale({ chosen: parseCookieHeader(cookieHeader ?? undefined).get(languageCookie), acceptLanguage });
}
