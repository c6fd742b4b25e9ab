import "server-only";
import { eq } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { sharedDatabase } from "@/db";
import { accounts, participants } from "@/db/schema";
import { languageCookie, languageCookieDays } from "./choice-cookie";
import { knownLocale } from "./locales";

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
  const db = await sharedDatabase();
  const [row] =
    "participantId" in who
      ? await db.read.select({ language: participants.language }).from(participants).where(eq(participants.id, who.participantId))
      : await db.read.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, who.accountId));
  const code = knownLocale(row?.language);
  if (code) await rememberLanguageHere(code);
}
