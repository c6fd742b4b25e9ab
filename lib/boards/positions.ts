/**
 * A position between two neighbours (either may be missing), so a move rewrites one row.
 * Returns null when the neighbours are too close to split: the caller renumbers the column.
 * Free of Node APIs: the browser uses it to show a move before the server confirms it.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  const mid = (before + after) / 2;
  return mid > before && mid < after && after - before > 1e-9 ? mid : null;
}
