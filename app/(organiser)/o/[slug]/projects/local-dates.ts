import { eventTimeZone } from "@/lib/events/event-dates";

/** English keeps the en-GB style these pages always had; other languages their own, in the event's time zone. */
const intlLocale = (locale: string) => (locale.toLowerCase().startsWith("en") ? "en-GB" : locale);

/** "03/12/2026" / "03/12/2026" / "3.12.2026". */
export const numericDate = (locale: string, ms: number) =>
  new Intl.DateTimeFormat(intlLocale(locale), { timeZone: eventTimeZone }).format(new Date(ms));

/** "3 Dec 2026, 14:05" in the reader's words. */
export const mediumDateTime = (locale: string, ms: number) =>
  new Intl.DateTimeFormat(intlLocale(locale), { timeZone: eventTimeZone, dateStyle: "medium", timeStyle: "short" }).format(
    new Date(ms),
  );
