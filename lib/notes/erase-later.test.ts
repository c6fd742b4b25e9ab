import { describe, expect, it } from "vitest";
import { eraseLaterWindowMs, eraseMoment } from "./erase-later";

describe("eraseMoment", () => {
  it("falls inside the window after leaving, whatever the random draw", () => {
    const now = 1_000_000;
    for (const draw of [0, 0.25, 0.5, 0.999_999_9, 1, -1, 2]) {
      const at = eraseMoment(now, () => draw);
      expect(at).toBeGreaterThanOrEqual(now + eraseLaterWindowMs.from);
      expect(at).toBeLessThan(now + eraseLaterWindowMs.to);
    }
  });

  it("spreads notes over the window instead of giving them one moment", () => {
    const moments = new Set(Array.from({ length: 20 }, () => eraseMoment(0)));
    expect(moments.size).toBeGreaterThan(1);
  });
});
