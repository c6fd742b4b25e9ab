import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { eventTimeZone } from "@/lib/events/event-dates";
import { messagesFor } from "./catalogue";
import { pathHeader } from "./event-language";
import { visitorLocale } from "./person-language";

/**
 * Each request's language, by the same rule as its page's socket (lib/i18n/person-language.ts):
 * the person's kept choice, else this browser's, else what the browser asks for, else the
 * language of the event the page belongs to, else English.
 * A page can speak another language for a part of itself (the big screen speaks the event's).
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const request = await headers();
  const locale =
    explicit ??
    (await visitorLocale((await sharedDatabase()).read, {
      path: request.get(pathHeader),
      cookies: new Map((await cookies()).getAll().map((c) => [c.name, c.value])),
      acceptLanguage: request.get("accept-language"),
      // Set by server.ts before any page is drawn; a build drawing a page without it knows nobody.
      secret: process.env.SESSION_SECRET ?? null,
    }));
  return { locale, messages: messagesFor(locale), timeZone: eventTimeZone };
});
