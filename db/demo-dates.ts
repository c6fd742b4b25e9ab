import { epochToLondonLocal } from "@/lib/events/event-dates";

const day = 86_400_000;

/**
 * The Fridays the demo's two weekends start on, as London dates ("2027-01-08"), counted from when
 * the demo is seeded: the first is this week's Friday (the next one when seeded at a weekend), so a
 * newcomer's demo is always "starting soon" rather than a weekend long past; the second is
 * fourteen weeks later, a programme's next round.
 */
export function demoFridays(now: number): [string, string] {
  const today = epochToLondonLocal(now).slice(0, 10);
  // Noon UTC on London's date: whole days from it never cross a date line, whatever the clocks do.
  const noon = Date.parse(`${today}T12:00:00Z`);
  const weekday = new Date(noon).getUTCDay(); // 0 Sunday … 5 Friday, 6 Saturday
  const first = noon + ((5 - weekday + 7) % 7) * day;
  return [first, first + 98 * day].map((ms) => new Date(ms).toISOString().slice(0, 10)) as [string, string];
}
