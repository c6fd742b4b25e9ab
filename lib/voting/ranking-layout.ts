/**
 * How a vote's ranking is laid out on a projector, so that every shortlisted row is on the screen.
 * Each row is two lines high at most (a long note is cut, its start kept); the screen holds `fit`
 * rows in a column. The ranking goes in one column if it fits, else two; rows past what fits are
 * summed up in a last line ("and 12 more with dots"), never cut off below the screen's edge. A
 * shortlist too long even for two columns (up to 50 places) is shown in pages that turn by
 * themselves, the last line saying which page this is.
 *
 * `kept`: the rows that must show, the shortlist and those tied at its cut: the first rows of the
 * ranking. Pure: the screen measures, this decides.
 */
export type RankingLayout = {
  columns: 1 | 2;
  /** The ranking's rows (their indexes) on each page. */
  pages: number[][];
  /** Rows with dots on no page. */
  more: number;
};

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export function rankingLayout({ rows, kept, fit }: { rows: number; kept: number; fit: number }): RankingLayout {
  const perColumn = Math.max(1, fit);
  for (const columns of [1, 2] as const) {
    const slots = perColumn * columns;
    if (rows <= slots) return { columns, pages: [range(0, rows)], more: 0 };
    // The last slot is the line that sums up the rest.
    if (kept < slots) return { columns, pages: [range(0, slots - 1)], more: rows - (slots - 1) };
  }
  const perPage = Math.max(1, perColumn * 2 - 1);
  const pages = range(0, Math.ceil(kept / perPage)).map((p) => range(p * perPage, Math.min(kept, (p + 1) * perPage)));
  return { columns: 2, pages, more: rows - kept };
}

/** A row's height and the gap under it, in rem: two lines of 1.5 rem text and its padding. */
export const rankingRowRem = 5;
export const rankingGapRem = 0.5;

/** How many rows a column `height` px tall holds, `rem` px to the rem. */
export const rankingRowsThatFit = (height: number, rem: number) =>
  Math.max(1, Math.floor((height + rankingGapRem * rem) / ((rankingRowRem + rankingGapRem) * rem)));
