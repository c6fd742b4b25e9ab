import { describe, expect, it } from "vitest";
import { basisOf, fingerprint, mergeEdit, readBasis } from "./edit-basis";

const stored = { name: "Made in Lambeth", place: "Town hall", goals: ["Listen", "Make"], startsAt: 1000 };
const basis = () => readBasis(basisOf(stored));

describe("mergeEdit", () => {
  it("saves mine when nobody else saved meanwhile", () => {
    const mine = { ...stored, place: "Library" };
    expect(mergeEdit(basis(), mine, stored)).toEqual({ merged: mine, conflicts: [], theirs: [] });
  });

  it("keeps someone else's change to a field I left alone", () => {
    const current = { ...stored, place: "Library", goals: ["Listen"] };
    const mine = { ...stored, name: "Made in Brixton" };
    const result = mergeEdit(basis(), mine, current);
    expect(result.merged).toEqual({ ...stored, name: "Made in Brixton", place: "Library", goals: ["Listen"] });
    expect(result.theirs.sort()).toEqual(["goals", "place"]);
    expect(result.conflicts).toEqual([]);
  });

  it("finds a conflict where we both changed the same field differently", () => {
    const current = { ...stored, place: "Library", startsAt: 2000 };
    const mine = { ...stored, place: "Park", startsAt: 2000 };
    const result = mergeEdit(basis(), mine, current);
    expect(result.conflicts).toEqual(["place"]);
    // The same change on both sides is no conflict.
    expect(result.theirs).toEqual([]);
  });

  it("treats a list as one value", () => {
    const current = { ...stored, goals: ["Listen", "Make", "Share"] };
    const mine = { ...stored, goals: ["Listen"] };
    expect(mergeEdit(basis(), mine, current).conflicts).toEqual(["goals"]);
  });

  it("without a basis, mine wins whole, as saving always did", () => {
    const current = { ...stored, place: "Library" };
    const mine = { ...stored, name: "Other" };
    expect(mergeEdit(null, mine, current)).toEqual({ merged: mine, conflicts: [], theirs: [] });
  });

  it("a field the basis does not know is mine", () => {
    const known = readBasis(basisOf({ name: stored.name }));
    const result = mergeEdit(known, { ...stored, place: "Park" }, { ...stored, place: "Library" });
    expect(result).toEqual({ merged: { ...stored, place: "Park" }, conflicts: [], theirs: [] });
  });

  it("does not see a change in a textarea posted with CRLF line endings", () => {
    const text = { about: "one\ntwo" };
    const result = mergeEdit(readBasis(basisOf(text)), { about: "one\r\ntwo" }, { about: "one\ntwo!" });
    expect(result).toEqual({ merged: { about: "one\ntwo!" }, conflicts: [], theirs: ["about"] });
  });
});

describe("readBasis", () => {
  it("refuses what is not a basis", () => {
    for (const posted of [undefined, "", "nope", "[]", '{"a":1}', "x".repeat(5000), null, 3]) {
      expect(readBasis(posted)).toBeNull();
    }
  });

  it("carries fingerprints, not the stored text", () => {
    const posted = basisOf({ name: "Kai's secret plan" });
    expect(posted).not.toContain("secret");
    expect(readBasis(posted)).toEqual({ name: fingerprint("Kai's secret plan") });
  });
});
