import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { eventTimeZone } from "@/lib/events/event-dates";
import { messagesFor } from "./catalogue";
import { languageCookie } from "./choice-cookie";
import { resolveLocale } from "./negotiate";

/**
 * Each request's language: the person's own choice (a cookie, written when they pick one and
 * when they sign in on another device), else what their browser asks for, else English.
 * A page can speak another language for a part of itself (the big screen speaks the event's).
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale =
    explicit ??
    resolveLocale({
      chosen: (await cookies()).get(languageCookie)?.value,
      acceptLanguage: (await headers()).get("accept-language"),
    });
  return { locale, messages: messagesFor(locale), timeZone: eventTimeZone };
});
