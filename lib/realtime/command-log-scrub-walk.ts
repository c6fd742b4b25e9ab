/**
 * Where the scrub worker's walk through one event's command records is (./command-log-scrub-worker.ts),
 * and when a scrub that joined it is done. The walk goes round: it reads the records in rowid
 * order, a chunk at a time, and once past the last it starts again from the first (a lap). A
 * scrub that arrives meanwhile joins it wherever it is and is checked against every chunk read
 * from then on; it is done once the walk has come back round to where it joined. So scrubs that
 * come during a walk cost the part of one more lap up to where the last joined, not a walk each.
 */
export type WalkPosition = { lap: number; at: number };

/** Where a walk that has read nothing yet is: before the first record, in its first lap. */
export const walkStart: WalkPosition = { lap: 0, at: 0 };

/** Whether the walk reaches `a` before `b`. */
export const comesBefore = (a: WalkPosition, b: WalkPosition) => a.lap < b.lap || (a.lap === b.lap && a.at < b.at);

/** Whether a scrub that joined at `joined` has had every record checked once the walk is at `now`. */
export const roundFrom = (joined: WalkPosition, now: WalkPosition) => !comesBefore(now, { lap: joined.lap + 1, at: joined.at });

/**
 * Where the walk is after reading a chunk from `from`: at the chunk's last record, or, when the
 * chunk came short (no records after it yet), at the start of the next lap. Records added later
 * need no reading for the scrubs already joined: what concerns a person erased or renamed was
 * written before their scrub was queued.
 */
export function afterChunk(from: WalkPosition, read: { count: number; lastAt: number }, chunkRecords: number): WalkPosition {
  return read.count < chunkRecords ? { lap: from.lap + 1, at: 0 } : { lap: from.lap, at: read.lastAt };
}
