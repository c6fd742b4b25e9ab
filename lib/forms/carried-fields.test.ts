import { describe, expect, it } from "vitest";
import { carriedFields, rowFields, unsavedIn } from "./carried-fields";

describe("carriedFields", () => {
  it("keeps every text field as posted, ticks of one name together, and counts the files chosen", () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("progress", "Two lamps are up.");
    form.append("joinLanguages", "es");
    form.append("joinLanguages", "pl");
    form.append("photos", new File(["x"], "a.jpg"));
    form.append("photos", new File(["y"], "b.jpg"));
    form.append("file", new File([], ""));
    expect(carriedFields(form)).toEqual({ progress: "Two lamps are up.", joinLanguages: "es,pl", "files.photos": "2" });
  });
});

describe("unsavedIn", () => {
  const stored = { name: "Made in Brixton", food: "Lunch\nfrom the market", "done-0": "" };

  it("says nothing of a part's own answer, only of a part carried as typed", () => {
    expect(unsavedIn({ values: { name: "Other" } }, stored)).toBe(false);
    expect(unsavedIn({ carried: true, values: { name: "Other", food: "Lunch\nfrom the market" } }, stored)).toBe(true);
  });

  it("does not count line ends, the spaces a save trims, or a box left unticked", () => {
    const posted = { name: " Made in Brixton ", food: "Lunch\r\nfrom the market", "intent.other": "details" };
    expect(unsavedIn({ carried: true, values: posted }, stored)).toBe(false);
    expect(unsavedIn({ carried: true, values: { ...posted, "done-0": "on" } }, stored)).toBe(true);
  });

  it("counts a row typed into a list beyond those stored, not a spare row left blank", () => {
    const phases = rowFields("phases", [{ id: "p1", name: "Kick-off" }]);
    expect(phases).toEqual({ "phases.0.id": "p1", "phases.0.name": "Kick-off" });
    const drawn = { ...phases, "phases.1.id": "", "phases.1.name": "" };
    expect(unsavedIn({ carried: true, values: drawn }, phases, ["phases"])).toBe(false);
    expect(unsavedIn({ carried: true, values: { ...drawn, "phases.1.name": "Lunch" } }, phases, ["phases"])).toBe(true);
  });
});
