import { describe, expect, it } from "vitest";
import { checkInSchema, coOwnersField, linksField, numbersField } from "./project-schema";

describe("project fields", () => {
  it("reads co-owners one per line as name, role", () => {
    expect(coOwnersField.parse("Amara, Resident\n\nParks officer, Council, Parks")).toEqual([
      { name: "Amara", role: "Resident" },
      { name: "Parks officer", role: "Council, Parks" },
    ]);
  });

  it("reads numbers as 'what: how many'", () => {
    expect(numbersField.parse("people reached: 1,200\nbags of litter = 14\nchange: -3")).toEqual([
      { label: "people reached", value: 1200 },
      { label: "bags of litter", value: 14 },
      { label: "change", value: -3 },
    ]);
    const bad = numbersField.safeParse("lots of people");
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.message).toContain('"what: how many"');
  });

  it("accepts only web links", () => {
    expect(linksField.parse("https://example.test/a\nhttp://example.test")).toEqual([
      "https://example.test/a",
      "http://example.test/",
    ]);
    expect(linksField.safeParse("javascript:alert(1)").success).toBe(false);
    expect(linksField.safeParse("data:text/html,hi").success).toBe(false);
  });

  it("a check-in needs a status, an author and something said", () => {
    const base = {
      status: "on_track",
      progress: "",
      evidence: "",
      numbers: "",
      links: "",
      learning: "",
      helpNeeded: "",
      authorName: "Owner",
    };
    expect(checkInSchema.safeParse(base).success).toBe(false);
    expect(checkInSchema.safeParse({ ...base, progress: "Opened the café" }).success).toBe(true);
    expect(checkInSchema.safeParse({ ...base, status: "fine", progress: "x" }).success).toBe(false);
  });
});
