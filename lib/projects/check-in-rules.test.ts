import { describe, expect, it } from "vitest";
import { day, followUpState, standardMilestoneDates } from "./check-in-rules";

const start = Date.UTC(2026, 0, 1);
const milestones = standardMilestoneDates(start).map((m) => ({ ...m, title: `Day ${m.day}`, doneAt: null }));

describe("followUpState", () => {
  it("is up to date before the first nudge window, naming the next milestone", () => {
    const state = followUpState(milestones, [], start + 10 * day);
    expect(state).toMatchObject({ kind: "up_to_date", next: { day: 30 } });
  });

  it("is due from a week before the milestone", () => {
    expect(followUpState(milestones, [], start + 23 * day)).toMatchObject({ kind: "due", daysLeft: 7, milestone: { day: 30 } });
    expect(followUpState(milestones, [], start + 29.5 * day)).toMatchObject({ kind: "due", daysLeft: 1 });
  });

  it("is overdue once the date has passed without a check-in", () => {
    expect(followUpState(milestones, [], start + 30 * day + 1)).toMatchObject({ kind: "overdue", daysLate: 1 });
    expect(followUpState(milestones, [], start + 45 * day)).toMatchObject({
      kind: "overdue",
      daysLate: 15,
      milestone: { day: 30 },
    });
  });

  it("counts a check-in from the week before onwards, then looks at the next milestone", () => {
    const early = [{ status: "on_track" as const, createdAt: start + 10 * day }];
    expect(followUpState(milestones, early, start + 31 * day)).toMatchObject({ kind: "overdue", milestone: { day: 30 } });
    const inWindow = [{ status: "on_track" as const, createdAt: start + 24 * day }];
    expect(followUpState(milestones, inWindow, start + 31 * day)).toMatchObject({ kind: "up_to_date", next: { day: 60 } });
    expect(followUpState(milestones, inWindow, start + 61 * day)).toMatchObject({ kind: "overdue", milestone: { day: 60 } });
  });

  it("a late check-in catches up every earlier milestone", () => {
    const late = [{ status: "at_risk" as const, createdAt: start + 62 * day }];
    expect(followUpState(milestones, late, start + 63 * day)).toMatchObject({ kind: "up_to_date", next: { day: 90 } });
  });

  it("skips milestones marked done", () => {
    const withDone = milestones.map((m) => (m.day === 30 ? { ...m, doneAt: start + 20 * day } : m));
    expect(followUpState(withDone, [], start + 40 * day)).toMatchObject({ kind: "up_to_date", next: { day: 60 } });
  });

  it("owes nothing once the latest check-in says done, and nothing without milestones", () => {
    expect(followUpState(milestones, [{ status: "done", createdAt: start + 5 * day }], start + 200 * day)).toEqual({
      kind: "done",
    });
    expect(followUpState([], [], start)).toEqual({ kind: "no_milestones" });
  });
});
