import { describe, expect, it } from "vitest";
import {
  attentionReasons,
  day,
  describeFollowUp,
  followUpState,
  overdueReminders,
  reminderFor,
  standardMilestoneDates,
} from "./check-in-rules";

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
    expect(followUpState(milestones, [], start + 30 * day + 1)).toMatchObject({ kind: "due", daysLeft: 0 });
    expect(followUpState(milestones, [], start + 31 * day)).toMatchObject({ kind: "overdue", daysLate: 1 });
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

  it("a missed milestone gives way to the next once that one's week begins: day 60 is asked about, not day 30 for ever", () => {
    expect(followUpState(milestones, [], start + 52 * day)).toMatchObject({ kind: "overdue", milestone: { day: 30 } });
    expect(followUpState(milestones, [], start + 53 * day)).toMatchObject({ kind: "due", daysLeft: 7, milestone: { day: 60 } });
    expect(followUpState(milestones, [], start + 61 * day)).toMatchObject({
      kind: "overdue",
      daysLate: 1,
      milestone: { day: 60 },
    });
    expect(followUpState(milestones, [], start + 95 * day)).toMatchObject({
      kind: "overdue",
      daysLate: 5,
      milestone: { day: 90 },
    });
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

describe("reminderFor", () => {
  const at = (d: number) => reminderFor(followUpState(milestones, [], start + d * day));
  it("names the milestone by its date, and each reminder for it: due, then overdue once a week", () => {
    expect(at(10)).toBeNull();
    expect(at(23)).toEqual({ milestone: "2026-01-31", round: "due" });
    expect(at(31)).toEqual({ milestone: "2026-01-31", round: "overdue-0" });
    expect(at(37)).toEqual({ milestone: "2026-01-31", round: "overdue-0" });
    expect(at(38)).toEqual({ milestone: "2026-01-31", round: "overdue-1" });
  });
  it("stops asking about one milestone after a few weeks overdue; the next milestone's week starts afresh", () => {
    const last = 30 + 7 * overdueReminders;
    expect(at(last)).toEqual({ milestone: "2026-01-31", round: `overdue-${overdueReminders - 1}` });
    expect(at(last + 1)).toBeNull();
    expect(at(53)).toEqual({ milestone: "2026-03-02", round: "due" });
  });
  it("asks nothing of a project up to date or done", () => {
    expect(reminderFor({ kind: "up_to_date", next: null })).toBeNull();
    expect(reminderFor({ kind: "done" })).toBeNull();
  });
});

describe("day counts on the event's calendar", () => {
  // Milestones are stored at noon UTC of their date, as the milestone form saves them.
  const due = Date.UTC(2026, 6, 15, 12); // 15 July (British Summer Time)
  const one = [{ day: 30, title: "Thirty", dueAt: due, doneAt: null }];
  it("is 1 day late the morning after the date, 2 days late two days after", () => {
    expect(followUpState(one, [], Date.UTC(2026, 6, 16, 8))).toMatchObject({ kind: "overdue", daysLate: 1 });
    expect(followUpState(one, [], Date.UTC(2026, 6, 17, 8))).toMatchObject({ kind: "overdue", daysLate: 2 });
  });
  it("three days before is due in 3 days, whatever the hour", () => {
    expect(followUpState(one, [], Date.UTC(2026, 6, 12, 7))).toMatchObject({ kind: "due", daysLeft: 3 });
    expect(followUpState(one, [], Date.UTC(2026, 6, 12, 22, 30))).toMatchObject({ kind: "due", daysLeft: 3 });
    // 23:30 UTC on the 11th is already the 12th in London.
    expect(followUpState(one, [], Date.UTC(2026, 6, 11, 23, 30))).toMatchObject({ kind: "due", daysLeft: 3 });
  });
  it("labels the date rather than a day number that may have gone stale", () => {
    const state = followUpState(one, [], Date.UTC(2026, 6, 17, 8));
    expect(describeFollowUp(state)).toBe("Check-in overdue by 2 days (was due 15 Jul 2026)");
  });
});

describe("attentionReasons", () => {
  const upToDate = { kind: "up_to_date" as const, next: null };
  it("a project at risk, stuck or asking for help needs a nudge even when up to date", () => {
    expect(attentionReasons(upToDate, { status: "at_risk", helpNeeded: "A venue" })).toEqual(["at_risk", "help"]);
    expect(attentionReasons(upToDate, { status: "stuck", helpNeeded: "" })).toEqual(["stuck"]);
    expect(attentionReasons(upToDate, { status: "on_track", helpNeeded: "  " })).toEqual([]);
  });
  it("a check-in owed is a reason; done is never one", () => {
    expect(attentionReasons({ kind: "no_milestones" }, undefined)).toEqual([]);
    expect(attentionReasons({ kind: "done" }, { status: "done", helpNeeded: "x" })).toEqual([]);
  });
});
