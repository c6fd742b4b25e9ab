/**
 * How long an event keeps people's personal data: a number of months after it ends, chosen by
 * its organisers (12 unless they say otherwise). Pure, so the dates are tested without a clock.
 */
export const defaultRetentionMonths = 12;
export const retentionChoices = [3, 6, 12, 18, 24, 36] as const;

/** `months` calendar months after `ms` (UTC), clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(ms: number, months: number) {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.getTime();
}

export type RetentionFacts = {
  endsAt: number | null;
  startsAt: number | null;
  createdAt: number;
  retentionMonths: number;
};

/**
 * When personal data is erased: the retention period after the event ends (after it starts,
 * or after it was created, for an event whose dates were never set).
 */
export const retentionEndsAt = (event: RetentionFacts) =>
  addMonths(event.endsAt ?? event.startsAt ?? event.createdAt, event.retentionMonths);

export const retentionLabel = (months: number) =>
  months % 12 === 0 ? `${months / 12} year${months === 12 ? "" : "s"}` : `${months} months`;
