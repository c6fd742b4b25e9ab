import { eventTimeZone, formatDay, formatEventDates, formatTime } from "@/lib/events/event-dates";
import { pseudoLocale } from "@/lib/i18n/locales";
import { pseudoText } from "@/lib/i18n/pseudo";
import { shortDate } from "@/lib/projects/check-in-rules";

/**
 * Dates and times in the reader's language. English keeps the house style of lib/events/event-dates
 * ("Friday 4 December, 6pm"); other languages get their own conventions from Intl, in the event's
 * time zone, so "6pm" in London reads "18:00" in Lisbon's words but the same instant.
 */
const isEnglish = (locale: string) => locale.toLowerCase().startsWith("en") && locale !== pseudoLocale;
// The pseudo-locale shows dates as English accented, so the crawler can tell them from hard-coded text.
const inPseudo = (locale: string, english: () => string) => (locale === pseudoLocale ? pseudoText(english()) : null);

const dayTimeOptions: Intl.DateTimeFormatOptions = {
  timeZone: eventTimeZone,
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
};

/** "Saturday 5 December, 10am" / "sábado, 5 de dezembro, 10:00". */
export function localDayTime(locale: string, ms: number): string {
  const pseudo = inPseudo(locale, () => localDayTime("en-GB", ms));
  if (pseudo) return pseudo;
  if (isEnglish(locale)) return `${formatDay(ms, false)}, ${formatTime(ms)}`;
  return new Intl.DateTimeFormat(locale, dayTimeOptions).format(new Date(ms));
}

/** "6pm" / "18:00". */
export function localTime(locale: string, ms: number): string {
  const pseudo = inPseudo(locale, () => localTime("en-GB", ms));
  if (pseudo) return pseudo;
  if (isEnglish(locale)) return formatTime(ms);
  return new Intl.DateTimeFormat(locale, { timeZone: eventTimeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(ms));
}

/** "4 Dec 2026" / "4/12/2026"-style short dates for lists. */
export function localShortDate(locale: string, ms: number): string {
  const pseudo = inPseudo(locale, () => localShortDate("en-GB", ms));
  if (pseudo) return pseudo;
  if (isEnglish(locale)) return shortDate(ms);
  return new Intl.DateTimeFormat(locale, { timeZone: eventTimeZone, day: "numeric", month: "short", year: "numeric" }).format(
    new Date(ms),
  );
}

/** When an event runs; `toBeAnnounced` is the reader's words for an event without dates yet. */
export function localEventDates(locale: string, startsAt: number | null, endsAt: number | null, toBeAnnounced: string): string {
  if (startsAt === null) return toBeAnnounced;
  const pseudo = inPseudo(locale, () => localEventDates("en-GB", startsAt, endsAt, toBeAnnounced));
  if (pseudo) return pseudo;
  if (isEnglish(locale)) return formatEventDates(startsAt, endsAt);
  const format = new Intl.DateTimeFormat(locale, { ...dayTimeOptions, year: "numeric" });
  if (endsAt === null || endsAt <= startsAt) return format.format(new Date(startsAt));
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** "Sat 14:05" (with `seconds`, "Sat 14:05:09"): a moment of the weekend, in the event's time zone. */
export function localWeekdayTime(locale: string, ms: number, seconds = false): string {
  const pseudo = inPseudo(locale, () => localWeekdayTime("en-GB", ms, seconds));
  if (pseudo) return pseudo;
  return new Intl.DateTimeFormat(isEnglish(locale) ? "en-GB" : locale, {
    timeZone: eventTimeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
  }).format(new Date(ms));
}

/** Whether two moments fall on the same calendar day at the venue (not in the server's own time zone). */
export function sameVenueDay(a: number, b: number): boolean {
  const day = (ms: number) => new Date(ms).toLocaleDateString("en-CA", { timeZone: eventTimeZone });
  return day(a) === day(b);
}
