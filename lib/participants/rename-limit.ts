/**
 * How often a participant may change the name the room sees them by. Each change queues a walk
 * of the event's whole command log to take the old name out of it
 * (lib/realtime/command-log-scrub-worker.ts): seconds of a core on a big log, so someone renaming
 * over and over would keep one busy. Real people fix a typo or two, and the welcome step's age
 * band changes the name the room sees once more (initials to the full name): five in ten minutes
 * is more than that, and holds one person to five walks in ten minutes.
 */
export const renameLimit = { renames: 5, windowMs: 10 * 60_000 };

export const tooManyRenames = "You've changed your name several times just now. Wait a few minutes, then save it again.";

/**
 * The times of a participant's renames still inside the window at `now`, with this one added; null
 * when this one would be past the limit.
 */
export function withRename(recent: readonly number[], now: number): number[] | null {
  const counting = recent.filter((at) => at > now - renameLimit.windowMs);
  return counting.length >= renameLimit.renames ? null : [...counting, now];
}
