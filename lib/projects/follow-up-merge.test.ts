import { describe, expect, it } from "vitest";
import { basisOf, mergeEdit, readBasis } from "@/lib/forms/edit-basis";
import { milestoneViews, postedMilestoneViews, riskFields, riskFormText, riskRows } from "./follow-up-merge";

const saved = [{ item: "first_aid", checked: true, notes: "Kit in the hall", checkedBy: "Ade" }];

describe("the risk checklist, merged field by field", () => {
  it("names every item's fields, unchecked and empty where nothing was saved, and reads back the same rows", () => {
    const fields = riskFields(saved);
    expect(fields["checked-first_aid"]).toBe(true);
    expect(fields["notes-insurance"]).toBe("");
    expect(Object.keys(fields)).toHaveLength(18);
    expect(riskRows(fields).find((r) => r.item === "first_aid")).toEqual(saved[0]);
    expect(riskFormText(fields)).toMatchObject({ "checked-first_aid": "on", "notes-first_aid": "Kit in the hall" });
    expect(riskFormText(fields)).not.toHaveProperty("checked-insurance");
  });

  it("keeps another organiser's tick and note where I changed something else; both writing one note is a conflict", () => {
    const basis = readBasis(basisOf(riskFields(saved)));
    const theirs = riskFields([...saved, { item: "insurance", checked: true, notes: "Council policy", checkedBy: "Bea" }]);
    const mine = riskFields([{ ...saved[0]!, notes: "Kit in the hall, and a trained first aider" }]);
    const merged = mergeEdit(basis, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(riskRows(merged.merged)).toContainEqual({
      item: "insurance",
      checked: true,
      notes: "Council policy",
      checkedBy: "Bea",
    });
    expect(riskRows(merged.merged)).toContainEqual({ ...saved[0], notes: "Kit in the hall, and a trained first aider" });

    const bothNoted = mergeEdit(basis, mine, riskFields([{ ...saved[0]!, notes: "Kit gone" }]));
    expect(bothNoted.conflicts).toEqual(["notes-first_aid"]);
  });
});

describe("the milestones, merged as one list", () => {
  const stored = [
    { day: 60, title: "Second check-in", dueAt: Date.UTC(2027, 4, 5, 12), doneAt: null },
    { day: 30, title: "First check-in", dueAt: Date.UTC(2027, 3, 5, 12), doneAt: Date.UTC(2027, 3, 6) },
  ];
  it("draws them by date, and a form posted untouched is the same list", () => {
    const views = milestoneViews(stored);
    expect(views.map((m) => m.title)).toEqual(["First check-in", "Second check-in"]);
    expect(views[0]).toEqual({ day: 30, title: "First check-in", dueDate: "2027-04-05", done: true });
    const posted = postedMilestoneViews(views.map((m) => ({ ...m, dueAt: Date.parse(`${m.dueDate}T12:00:00Z`) })));
    expect(basisOf({ milestones: posted })).toBe(basisOf({ milestones: views }));
  });

  it("keeps theirs when I changed nothing, and is a conflict when we both changed it", () => {
    const basis = readBasis(basisOf({ milestones: milestoneViews(stored) }));
    const theirs = {
      milestones: milestoneViews([...stored, { day: 90, title: "Third", dueAt: Date.UTC(2027, 5, 4, 12), doneAt: null }]),
    };
    expect(mergeEdit(basis, { milestones: milestoneViews(stored) }, theirs).theirs).toEqual(["milestones"]);
    const mine = { milestones: milestoneViews(stored.slice(1)) };
    expect(mergeEdit(basis, mine, theirs).conflicts).toEqual(["milestones"]);
  });
});
