import { describe, expect, it } from "vitest";
import { recordMatcher, scrubbedRecord } from "./command-log-scrub-worker";

const person = "0b7e6a52-4c1d-4b7a-9a55-3f1e2d4c5b6a";
const stranger = "9c1f2e3d-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
const record = (result: unknown, actorKey = "a:staff") => ({
  actorKey,
  commandId: "cmd-1",
  result: result === null ? null : JSON.stringify(result),
  fanout: null,
});

describe("which command records a scrub rewrites", () => {
  it("finds a person by their id in a record, or by their key as its sender; never by a name", () => {
    const matches = recordMatcher([person], [`p:${person}`]);
    expect(matches(record({ person: { id: person, name: "Sam Smith" } }))).toBe(true);
    expect(matches(record({ judges: [{ key: `p:${person.toUpperCase()}`, name: "Sam" }] }))).toBe(true);
    expect(matches(record({ notesDeleted: 0 }, `p:${person}`))).toBe(true);
    expect(matches(record({ person: { id: stranger, name: "Sam Smith" } }))).toBe(false);
  });

  it("keeps a record's ids; one broken before (not JSON) keeps nothing; one already scrubbed is left", () => {
    expect(scrubbedRecord(record({ person: { id: person, name: "Sam" } }))).toEqual({
      result: JSON.stringify({ person: { id: person, name: "" } }),
    });
    expect(scrubbedRecord({ ...record(null), result: '{"id""Ann"}' })).toEqual({ result: null });
    expect(scrubbedRecord(record({ person: { id: person, name: "" } }))).toBeNull();
  });
});
