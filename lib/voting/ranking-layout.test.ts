import { describe, expect, it } from "vitest";
import { rankingLayout, rankingRowsThatFit } from "./ranking-layout";

const shown = (layout: ReturnType<typeof rankingLayout>) => layout.pages.flat();

describe("a vote's ranking on a projector", () => {
  it("shows every row in one column when they fit", () => {
    expect(rankingLayout({ rows: 6, kept: 3, fit: 8 })).toEqual({ columns: 1, pages: [[0, 1, 2, 3, 4, 5]], more: 0 });
  });

  it("sums up the rows past what fits in a last line, the shortlist always on screen", () => {
    const layout = rankingLayout({ rows: 30, kept: 5, fit: 8 });
    expect(layout).toMatchObject({ columns: 1, more: 23 });
    expect(shown(layout)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("goes to two columns when the shortlist does not fit in one", () => {
    const layout = rankingLayout({ rows: 40, kept: 8, fit: 7 });
    expect(layout.columns).toBe(2);
    expect(shown(layout)).toHaveLength(13);
    expect(layout.more).toBe(27);
    expect(shown(layout).slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("pages a shortlist too long for two columns, every place of it on a page", () => {
    const layout = rankingLayout({ rows: 60, kept: 50, fit: 7 });
    expect(layout.columns).toBe(2);
    expect(layout.pages.every((p) => p.length <= 13)).toBe(true);
    expect(shown(layout)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(layout.more).toBe(10);
  });

  it("holds about 7 two-line rows at 1080p and as many at 720p, the big screen being scaled", () => {
    // What a 1920×1080 big screen leaves the ranking (16 px rem), and 1280×720 (scaled, 10.67 px).
    expect(rankingRowsThatFit(640, 16)).toBe(7);
    expect(rankingRowsThatFit(640 * (2 / 3), 16 * (2 / 3))).toBe(7);
    expect(rankingRowsThatFit(10, 16)).toBe(1);
  });
});
