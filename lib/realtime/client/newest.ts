/**
 * Whole-state messages (a tally, presence counts) are batched and sent by whichever process
 * saw the change, so with several processes two of them can arrive out of order. Each carries
 * a version from the database; a screen keeps the newer. A different key (another round)
 * always replaces.
 */
export function newer<T extends { version: number }>(current: T | null, next: T, sameThing: (a: T, b: T) => boolean): T {
  if (current === null || !sameThing(current, next)) return next;
  return next.version >= current.version ? next : current;
}
