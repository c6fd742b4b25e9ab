import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { type EventDates, phasesOutsideEvent } from "@/lib/events/phase-dates";
import { localEventDates, localShortDate, localTime } from "@/lib/i18n/dates";

type Phase = { name: string; startsAt: number; endsAt: number | null };

/**
 * The agenda's phases outside the event's dates (lib/events/phase-dates.ts), in the reader's
 * words: each one with the moment that is outside (with its year: a phase a year off is the
 * usual slip), the event's dates, and the phases named in one line.
 */
export async function outsideDates(phases: readonly Phase[], event: EventDates) {
  const outside = phasesOutsideEvent(phases, event);
  if (outside.length === 0) return null;
  const locale = await getLocale();
  const when = (ms: number) => `${localShortDate(locale, ms)}, ${localTime(locale, ms)}`;
  const listed = outside.map((o) => ({ ...o, when: when(o.at), field: o.at === o.phase.startsAt ? "startsAt" : "endsAt" }));
  return {
    outside: listed,
    dates: localEventDates(locale, event.startsAt, event.endsAt, ""),
    names: new Intl.ListFormat(locale, { type: "conjunction" }).format(listed.map((o) => `${o.phase.name} (${o.when})`)),
  };
}

/** What the details form adds to "Saved" when the new dates leave phases outside: they are kept, and where to move them. */
export async function phasesLeftOutside(phases: readonly Phase[], event: EventDates): Promise<string | null> {
  const found = await outsideDates(phases, event);
  if (!found) return null;
  const t = await getTranslations("organiser.edit");
  return t("phasesNowOutside", { count: found.outside.length, phases: found.names });
}
