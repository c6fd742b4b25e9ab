/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export const ascending = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

export const round1 = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : null);

export const clock = () => performance.timeOrigin + performance.now();
