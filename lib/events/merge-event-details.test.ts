import { describe, expect, it } from "vitest";
import { basisOf, readBasis } from "@/lib/forms/edit-basis";
import type { StoredEventDetails } from "./event-details";
import { mergeEventDetails } from "./merge-event-details";

const hour = 3_600_000;
const stored: StoredEventDetails = {
  name: "Made in Lambeth",
  place: "Town hall",
  startsAt: 10 * hour,
  endsAt: 20 * hour,
  description: "",
  goals: ["Listen"],
  accessInfo: "",
  childcare: "",
  food: "",
  whatToBring: "",
};
const basis = () => readBasis(basisOf(stored));
const mineOf = (changes: Partial<StoredEventDetails>) =>
  ({ ...stored, ...changes }) as { startsAt: number; endsAt: number } & StoredEventDetails;

describe("mergeEventDetails", () => {
  it("keeps their new end with my new name", () => {
    const merge = mergeEventDetails(basis(), mineOf({ name: "Made in Brixton" }), { ...stored, endsAt: 30 * hour });
    expect(merge.merged).toMatchObject({ name: "Made in Brixton", endsAt: 30 * hour });
    expect(merge.theirs).toEqual(["endsAt"]);
    expect(merge.conflicts).toEqual([]);
  });

  it("does not merge into an event that ends before it starts", () => {
    // I moved the start to 15:00; they meanwhile moved the end to 12:00.
    const merge = mergeEventDetails(basis(), mineOf({ startsAt: 15 * hour }), { ...stored, endsAt: 12 * hour });
    expect(merge.conflicts).toEqual(["endsAt"]);
    expect(merge.theirs).toEqual([]);
    expect(merge.merged).toMatchObject({ startsAt: 15 * hour, endsAt: 20 * hour });
  });

  it("an event without dates yet: two organisers giving different dates is a conflict", () => {
    const undated = { ...stored, startsAt: null, endsAt: null };
    const theirs = { ...undated, startsAt: 1 * hour, endsAt: 2 * hour };
    const merge = mergeEventDetails(readBasis(basisOf(undated)), mineOf({ place: "Library" }), theirs);
    expect(merge.conflicts).toEqual(["startsAt", "endsAt"]);
    expect(mergeEventDetails(readBasis(basisOf(undated)), mineOf({ ...theirs, place: "Library" }), theirs).conflicts).toEqual([]);
  });
});
