import { epochToLondonLocal, londonLocalToEpoch } from "./event-dates";

/**
 * Whether an agenda's phases fall within the event's dates. The dates are counted as whole days
 * in the event's time zone (London), from the midnight that starts its first day to the one that
 * ends its last: setting up before a Friday evening's start, or clearing away after Sunday's
 * close, stays on the event's days; a phase a month later is a mistyped date.
 */
export type EventDates = { startsAt: number | null; endsAt: number | null };
type Timed = { startsAt: number; endsAt: number | null };

/** The event's days as instants: null for an event without dates yet (nothing to check against). */
export function eventDays(event: EventDates): { from: number; until: number } | null {
  if (event.startsAt === null) return null;
  const last = epochToLondonLocal(event.endsAt ?? event.startsAt).slice(0, 10);
  const [year, month, day] = last.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  const from = londonLocalToEpoch(`${epochToLondonLocal(event.startsAt).slice(0, 10)}T00:00`);
  const until = londonLocalToEpoch(`${next}T00:00`);
  return from === null || until === null ? null : { from, until };
}

/**
 * The moment of a phase that lies outside the event's days (its start, else its end), or null
 * when all of it is within them or the event has no dates.
 */
export function outsideEventDays(phase: Timed, event: EventDates): number | null {
  const days = eventDays(event);
  if (!days) return null;
  if (phase.startsAt < days.from || phase.startsAt >= days.until) return phase.startsAt;
  if (phase.endsAt !== null && phase.endsAt > days.until) return phase.endsAt;
  return null;
}

/** Each phase outside the event's days, with where it stands in the list and the moment that is outside. */
export function phasesOutsideEvent<T extends Timed>(phases: readonly T[], event: EventDates) {
  return phases.flatMap((phase, index) => {
    const at = outsideEventDays(phase, event);
    return at === null ? [] : [{ index, phase, at }];
  });
}
