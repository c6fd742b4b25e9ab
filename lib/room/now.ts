/**
 * What a phone's "now" card still calls news. Announcements and nudges are about this moment
 * ("Lunch is in the hall", "Everyone to the board Big ideas"): shown for ever they become noise
 * that pushes the person's own team off the screen, so each stops being "now" after a while.
 * The history stays readable where it is kept (the console's list, the phone's "Earlier" list).
 */

/**
 * An announcement is "now" for 15 minutes: long enough for someone who was away from their phone
 * during a session block (coffee, a 10-minute talk) to still see it, short enough that a call to
 * lunch does not hang over the afternoon.
 */
export const announcementNowMs = 15 * 60_000;

/**
 * A nudge (a phase started, "everyone to the board") is "now" for 10 minutes: it invites people to
 * move, and after ten minutes those who will go have gone; the phase itself stays in the card.
 */
export const nudgeNowMs = 10 * 60_000;

/** Sent at `at` (server ms), still news at `now` (server ms) for `forMs`; a clock a little behind still counts. */
export const isStillNow = (at: number, now: number, forMs: number) => now - at < forMs;

/**
 * The announcement and nudge a phone's "now" card shows at `now`, each or both dropped once stale.
 * An announcement ages from when it was last shown: one shown again is news again.
 */
export function whatIsNow<A extends { shownAt: number }, N extends { at: number }>(
  room: { announcement: A | null; nudge: N | null },
  now: number,
): { announcement: A | null; nudge: N | null } {
  return {
    announcement: room.announcement && isStillNow(room.announcement.shownAt, now, announcementNowMs) ? room.announcement : null,
    nudge: room.nudge && isStillNow(room.nudge.at, now, nudgeNowMs) ? room.nudge : null,
  };
}
