import { describe, expect, it } from "vitest";
import { defaultMilestoneTitle } from "./create-project";

describe("the standard milestones' first titles", () => {
  it("are written in the event's language, as words the organisers then edit", () => {
    const english = defaultMilestoneTitle("en-GB");
    expect([30, 60, 90].map(english)).toEqual(["First steps taken", "Something people can see", "What changed, and what next"]);
    expect(english(120)).toBe("Day 120");
    const polish = defaultMilestoneTitle("pl");
    expect(polish(30)).toBe("Pierwsze kroki za nami");
    expect(polish(45)).toBe("Dzień 45");
    for (const locale of ["es", "fr", "pt-PT"]) {
      const say = defaultMilestoneTitle(locale);
      expect([30, 60, 90].map(say), locale).not.toContain("First steps taken");
    }
  });
});
