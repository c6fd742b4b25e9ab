import { describe, expect, it } from "vitest";
import { changedAnswers, type ProfileAnswers } from "./profile-changes";

const drawn: ProfileAnswers = {
  displayName: "Zara",
  skills: ["cooking", "Welsh"],
  kind: "resident",
  ageBand: "18_plus",
  accessNeeds: "Step-free access",
  contactConsent: true,
  contact: "zara@example.test",
};

describe("changedAnswers", () => {
  it("sends nothing for a form saved as it was drawn, whatever the skills' order, case or spacing", () => {
    expect(changedAnswers(drawn, { ...drawn, skills: ["welsh ", "Cooking"], accessNeeds: "Step-free access " })).toEqual({});
  });

  it("sends only what was changed: a skill ticked on a stale form does not send its old age band back", () => {
    expect(changedAnswers(drawn, { ...drawn, skills: [...drawn.skills, "drawing"] })).toEqual({
      skills: ["cooking", "Welsh", "drawing"],
    });
    expect(changedAnswers(drawn, { ...drawn, ageBand: "16_17", kind: null })).toEqual({ ageBand: "16_17", kind: null });
    expect(changedAnswers(drawn, { ...drawn, displayName: "Zara B" })).toEqual({ displayName: "Zara B" });
  });

  it("sends what was changed since the last save even when it is back to what the form was drawn with", () => {
    // Drawn 18+, saved as 12–15 (the page not yet drawn again), then put back to 18+ here.
    expect(changedAnswers(drawn, drawn, new Set(["ageBand"]))).toEqual({ ageBand: "18_plus" });
    // A choice saved, then cleared: drawn with none, so "none" looked unchanged.
    const noKind = { ...drawn, kind: null };
    expect(changedAnswers(noKind, noKind, new Set(["kind"]))).toEqual({ kind: null });
    expect(changedAnswers(drawn, drawn, new Set(["contact"]))).toEqual({ contactConsent: true, contact: "zara@example.test" });
    // Only those: the rest stay as whoever changed them last left them.
    expect(changedAnswers(drawn, drawn, new Set(["skills"]))).toEqual({ skills: ["cooking", "Welsh"] });
  });

  it("sends consent and contact together, and no contact without consent", () => {
    expect(changedAnswers(drawn, { ...drawn, contact: "z@example.test" })).toEqual({
      contactConsent: true,
      contact: "z@example.test",
    });
    expect(changedAnswers(drawn, { ...drawn, contactConsent: false })).toEqual({ contactConsent: false, contact: "" });
    // A contact typed while the box is unticked is not an answer.
    const withdrawn = { ...drawn, contactConsent: false, contact: "" };
    expect(changedAnswers(withdrawn, { ...withdrawn, contact: "typed@example.test" })).toEqual({});
  });
});
