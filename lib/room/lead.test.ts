import { describe, expect, it } from "vitest";
import { mayControlRoom, mayHandLead, mayLockControls, replacedNoticeMs, replacements, replaces } from "./lead";

const lead = { accountId: "a1", role: "facilitator" as const };
const other = { accountId: "a2", role: "facilitator" as const };
const organiser = { accountId: "a3", role: "organiser" as const };

describe("a lead facilitator", () => {
  it("lets everyone run the room until the lead locks the controls", () => {
    expect(mayControlRoom({ leadAccountId: "a1", controlsLocked: false }, other)).toBe(true);
    expect(mayControlRoom({ leadAccountId: "a1", controlsLocked: true }, other)).toBe(false);
    expect(mayControlRoom({ leadAccountId: "a1", controlsLocked: true }, organiser)).toBe(false);
    expect(mayControlRoom({ leadAccountId: "a1", controlsLocked: true }, lead)).toBe(true);
  });

  it("is handed on by the lead, taken by anyone while nobody leads, or taken back by an organiser", () => {
    expect(mayHandLead({ leadAccountId: null, controlsLocked: false }, other)).toBe(true);
    expect(mayHandLead({ leadAccountId: "a1", controlsLocked: false }, lead)).toBe(true);
    expect(mayHandLead({ leadAccountId: "a1", controlsLocked: true }, other)).toBe(false);
    expect(mayHandLead({ leadAccountId: "a1", controlsLocked: true }, organiser)).toBe(true);
  });

  it("alone locks the controls", () => {
    expect(mayLockControls({ leadAccountId: "a1", controlsLocked: false }, lead)).toBe(true);
    expect(mayLockControls({ leadAccountId: "a1", controlsLocked: false }, organiser)).toBe(false);
    expect(mayLockControls({ leadAccountId: null, controlsLocked: false }, other)).toBe(false);
  });
});

describe("a change replacing another's", () => {
  const before = { what: "phase", byKey: "a:1", at: 1_000 };
  it("is noticed when someone else changed the same thing moments before", () => {
    expect(replaces(before, { what: "phase", byKey: "a:2", at: 3_000 })).toBe(true);
  });
  it("is not noticed for one's own change, another kind of change, or an old one", () => {
    expect(replaces(before, { what: "phase", byKey: "a:1", at: 2_000 })).toBe(false);
    expect(replaces(before, { what: "wall", byKey: "a:2", at: 2_000 })).toBe(false);
    expect(replaces(before, { what: "phase", byKey: "a:2", at: 60_000 })).toBe(false);
    expect(replaces(null, { what: "phase", byKey: "a:2", at: 2_000 })).toBe(false);
  });
});

describe("the notices of who replaced whom", () => {
  const phase = { what: "phase", at: 10_000, replaced: { by: "Olu" } };
  const timer = { what: "timer", at: 12_000, replaced: null };
  const wall = { what: "wall", at: 11_000, replaced: { by: "Sam" } };
  it("keep each kind's, newest first, whatever was changed after it", () => {
    expect(replacements({ phase, timer, wall }, 13_000)).toEqual([wall, phase]);
  });
  it("stop after a while", () => {
    expect(replacements({ phase, timer, wall }, 10_000 + replacedNoticeMs)).toEqual([wall]);
    expect(replacements({ phase, timer, wall }, 11_000 + replacedNoticeMs)).toEqual([]);
  });
});
