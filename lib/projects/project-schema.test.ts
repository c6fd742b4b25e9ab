import { describe, expect, it } from "vitest";
import { eventDetailsSchema } from "@/lib/events/event-details";
import { checkInSchema, coOwnersField, linksField, milestoneSchema, numbersField, projectSchema } from "./project-schema";

describe("project fields", () => {
  it("drops direction controls from a project's title and owner's name, and an event's name, as from display names", () => {
    const project = projectSchema.parse({
      title: "\u202ECafé in the park",
      summary: "",
      ownerName: "Amara\u2066 Okafor\u2069",
      ownerRole: "",
      coOwners: "",
    });
    expect(project).toMatchObject({ title: "Café in the park", ownerName: "Amara Okafor" });
    expect(
      projectSchema.safeParse({ title: "\u202E", summary: "", ownerName: "Amara", ownerRole: "", coOwners: "" }).success,
    ).toBe(false);
    const name = eventDetailsSchema.shape.name.parse("Made in \u202ELambeth");
    expect(name).toBe("Made in Lambeth");
  });

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

  it("takes a milestone's date as typed, and refuses a day the month doesn't have rather than moving it", () => {
    const milestone = (dueAt: string) => milestoneSchema.safeParse({ day: "30", title: "First steps", dueAt, done: false });
    expect(milestone("2028-02-29")).toMatchObject({ success: true, data: { dueAt: Date.UTC(2028, 1, 29, 12) } });
    for (const impossible of ["2027-02-29", "2027-02-30", "2027-04-31", "2027-13-01", "2027-00-10"]) {
      const parsed = milestone(impossible);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe("Enter a real date.");
    }
    for (const slip of ["0001-01-01", "1999-12-31", "2100-01-01", "9999-12-31"]) {
      const parsed = milestone(slip);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe("Enter a date between the years 2000 and 2099.");
    }
    expect(milestone("2000-01-01").success).toBe(true);
    expect(milestone("2099-12-31").success).toBe(true);
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
