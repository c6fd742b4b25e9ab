import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { eventTimeZone } from "@/lib/events/event-dates";
import { messagesFor } from "./catalogue";
import { languageCookie } from "./choice-cookie";
import { eventLanguageOfPath, pathHeader, personalLinkLanguageOfPath } from "./event-language";
import { defaultLocale, knownLocale } from "./locales";
import { askedLocale } from "./negotiate";

/**
 * Each request's language: the person's own choice (a cookie, written when they pick one and
 * when they sign in on another device; on their personal link's page, the one kept with them),
 * else what their browser asks for, else the language of the event the page belongs to, else
 * English.
 * A page can speak another language for a part of itself (the big screen speaks the event's).
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const request = await headers();
  const chosenHere = knownLocale((await cookies()).get(languageCookie)?.value);
  const chosen = chosenHere ?? (await personalLinkLanguageOfPath((await sharedDatabase()).read, request.get(pathHeader)));
  const locale =
    explicit ??
    askedLocale({ chosen, acceptLanguage: request.get("accept-language") }) ??
    knownLocale(await eventLanguageOfPath((await sharedDatabase()).read, request.get(pathHeader))) ??
    defaultLocale;
  return { locale, messages: messagesFor(locale), timeZone: eventTimeZone };
});
