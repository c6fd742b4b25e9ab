import { describe, expect, it } from "vitest";
import { nextPhase, phaseStatus } from "./phases";

const agenda = [{ id: "kickoff" }, { id: "explore" }, { id: "make" }];

describe("moving through the agenda", () => {
  it("starts with the first phase, then goes one by one, and stops after the last", () => {
    expect(nextPhase(agenda, null)?.id).toBe("kickoff");
    expect(nextPhase(agenda, "kickoff")?.id).toBe("explore");
    expect(nextPhase(agenda, "make")).toBeNull();
    expect(nextPhase([], null)).toBeNull();
  });

  it("starts from the top when the current phase was taken off the agenda", () => {
    expect(nextPhase(agenda, "deleted")?.id).toBe("kickoff");
  });

  it("marks phases as done, now, next or later", () => {
    expect(agenda.map((p) => phaseStatus(agenda, "explore", p.id))).toEqual(["done", "now", "next"]);
    expect(agenda.map((p) => phaseStatus(agenda, null, p.id))).toEqual(["next", "later", "later"]);
  });
});
