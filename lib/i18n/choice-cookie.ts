/**
 * The language chosen on this browser. Not httpOnly: a phone told by the server that its person
 * picked another language on another device sets it itself (lib/i18n/use-language-follow.ts).
 */
export const languageCookie = "mi_lang";
export const languageCookieDays = 365;

export function languageCookieString(code: string, secure: boolean): string {
  const maxAge = languageCookieDays * 24 * 3600;
  return `${languageCookie}=${encodeURIComponent(code)}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
