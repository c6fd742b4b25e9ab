/**
 * Event times are entered and shown as London wall-clock time (the weekends are in London and
 * so are their organisers), and stored as epoch milliseconds. Written without a date library:
 * Intl knows the British Summer Time rules.
 */
export const eventTimeZone = "Europe/London";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: eventTimeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  weekday: "long",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { timeZone: eventTimeZone, month: "long" });
const shortFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: eventTimeZone,
  day: "numeric",
  month: "short",
  year: "numeric",
});

function londonParts(ms: number) {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: parts.weekday ?? "",
  };
}

/** How far London is ahead of UTC at this instant, in ms (0 in winter, 1 hour in summer). */
function londonOffset(ms: number) {
  const p = londonParts(ms);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * "2026-12-04T18:00" (what a datetime-local input sends) read as London time → epoch ms.
 * Null when it is not a real date and time. A time skipped when the clocks go forward is
 * read as the hour after; a time that happens twice when they go back is read as the first.
 */
export function londonLocalToEpoch(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // Try both offsets either side of the wall-clock time; the first that round-trips wins.
  const before = londonOffset(asUtc - 3 * 3600_000);
  for (const offset of [before, londonOffset(asUtc + 3 * 3600_000)]) {
    const candidate = asUtc - offset;
    if (londonOffset(candidate) === offset) return candidate;
  }
  return asUtc - before;
}

/**
 * The years an event's dates may fall in. A year slipped while typing ("26" read by the browser's
 * date field as 0026, which Date.UTC reads as 1926) would put the event a century in the past,
 * and the retention sweep would erase its people's data within the hour.
 */
export const eventYears = { first: 2000, last: 2099 } as const;

/** Whether an instant falls, in London, within `eventYears`. */
export function inEventYears(ms: number): boolean {
  const { year } = londonParts(ms);
  return year >= eventYears.first && year <= eventYears.last;
}

/** Epoch ms → "2026-12-04T18:00" in London, for a datetime-local input's value. */
export function epochToLondonLocal(ms: number): string {
  const p = londonParts(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** "6pm", "9:30am", "12pm" (noon): how people write times on posters. */
export function formatTime(ms: number): string {
  const { hour, minute } = londonParts(ms);
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}${minute === 0 ? "" : `:${String(minute).padStart(2, "0")}`}${hour < 12 ? "am" : "pm"}`;
}

/** "Friday 4 December 2026", or without the year. */
export function formatDay(ms: number, withYear = true): string {
  const p = londonParts(ms);
  const month = monthFormat.format(new Date(ms));
  return `${p.weekday} ${p.day} ${month}${withYear ? ` ${p.year}` : ""}`;
}

/** "4 Dec 2026": for lists, where space is short. */
export const formatShortDate = (ms: number) => shortFormat.format(new Date(ms));

const longDateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: eventTimeZone,
  day: "numeric",
  month: "long",
  year: "numeric",
});
/** "4 December 2026", the event's calendar day (a report written anywhere dates things as the room did). */
export const formatLongDate = (ms: number) => longDateFormat.format(new Date(ms));

const clockOptions: Intl.DateTimeFormatOptions = {
  timeZone: eventTimeZone,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};
const clockFormat = new Intl.DateTimeFormat("en-GB", clockOptions);
const clockSecondsFormat = new Intl.DateTimeFormat("en-GB", { ...clockOptions, second: "2-digit" });
/**
 * "05:56" (or "05:56:07"): the room's clock, whatever the time zone of the laptop showing it. A
 * facilitator's laptop set to another zone must not move a round from 05:56 to 00:56.
 */
export const formatClock = (ms: number, withSeconds = false) =>
  (withSeconds ? clockSecondsFormat : clockFormat).format(new Date(ms));

/**
 * When an event runs, in words: "Friday 4 December to Sunday 6 December 2026, 6pm to 5pm" reads
 * badly, so each end keeps its own time: "Friday 4 December, 6pm to Sunday 6 December 2026, 5pm".
 */
export function formatEventDates(startsAt: number | null, endsAt: number | null): string {
  if (startsAt === null) return "Dates to be announced";
  if (endsAt === null || endsAt <= startsAt) return `${formatDay(startsAt)}, ${formatTime(startsAt)}`;
  const start = londonParts(startsAt);
  const end = londonParts(endsAt);
  if (start.year === end.year && start.month === end.month && start.day === end.day) {
    return `${formatDay(startsAt)}, ${formatTime(startsAt)} to ${formatTime(endsAt)}`;
  }
  const startDay = formatDay(startsAt, start.year !== end.year);
  return `${startDay}, ${formatTime(startsAt)} to ${formatDay(endsAt)}, ${formatTime(endsAt)}`;
}
