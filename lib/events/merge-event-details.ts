import { type Basis, type EditMerge, mergeEdit } from "@/lib/forms/edit-basis";
import type { EventDetails, StoredEventDetails } from "./event-details";

/**
 * Two organisers' saves of the event's details, merged field by field (lib/forms/edit-basis.ts).
 * The start and the end are checked together: one organiser moving the start past the end the
 * other just set is a conflict, not a merged event that ends before it starts.
 */
export function mergeEventDetails(
  basis: Basis | null,
  mine: EventDetails,
  current: StoredEventDetails,
): EditMerge<StoredEventDetails> {
  const merge = mergeEdit<StoredEventDetails>(basis, mine, current);
  const { startsAt, endsAt } = merge.merged;
  const tookTheirs: string[] = merge.theirs.filter((field) => field === "startsAt" || field === "endsAt");
  if (tookTheirs.length > 0 && startsAt !== null && endsAt !== null && endsAt <= startsAt) {
    return {
      merged: { ...merge.merged, startsAt: mine.startsAt, endsAt: mine.endsAt },
      theirs: merge.theirs.filter((field) => !tookTheirs.includes(field)),
      conflicts: [...merge.conflicts, ...merge.theirs.filter((field) => tookTheirs.includes(field))],
    };
  }
  return merge;
}
