import "server-only";
import { cookies, headers } from "next/headers";
import { sharedDatabase } from "@/db";
import { languageCookie, languageCookieDays } from "./choice-cookie";
import { knownLocale } from "./locales";
import { keptLanguage } from "./person-language";

/** This browser speaks `code` from the next page on. */
export async function rememberLanguageHere(code: string) {
  const h = await headers();
  const secure = h.get("x-forwarded-proto") === "https" || (process.env.PUBLIC_URL ?? "").startsWith("https:");
  (await cookies()).set(languageCookie, code, {
    httpOnly: false, // a phone told of a choice made on another device sets it from script
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: languageCookieDays * 24 * 3600,
  });
}

/** A device that signs in as someone takes their language with it. */
export async function adoptStoredLanguage(who: { participantId: string } | { accountId: string }) {
  const code = knownLocale(await keptLanguage((await sharedDatabase()).read, who));
  if (code) await rememberLanguageHere(code);
}
