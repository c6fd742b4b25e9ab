import { describe, expect, it } from "vitest";
import { idsOnly } from "./ids-only";

const personId = "0b6a3f5e-6c1d-4a57-9d3e-2f1c8e7a9b10";
const teamId = "5e8d2c1a-3b4f-4e6a-8c7d-9f0a1b2c3d4e";

describe("idsOnly", () => {
  it("keeps what a screen reads from a retry's answer (ids, numbers, flags, shape) and nothing a person wrote or is", () => {
    // participant:move's answer: a facilitator's screen reads person.teamId and fromTeamId from it.
    const moved = {
      person: {
        id: personId,
        name: "Yara Leaverson",
        kind: "young_person",
        skills: ["juggling", "Hillcrest Academy"],
        teamId,
        joinNumber: 7,
      },
      fromTeamId: null,
      votesWithdrawn: 1,
    };
    expect(idsOnly(moved)).toEqual({
      person: { id: personId, name: "", kind: "", skills: ["", ""], teamId, joinNumber: 7 },
      fromTeamId: null,
      votesWithdrawn: 1,
    });
    const text = JSON.stringify(idsOnly(moved));
    for (const gone of ["Yara", "juggling", "Hillcrest"]) expect(text).not.toContain(gone);
  });

  it("keeps people's keys and maps keyed by id, and empties words that only look like ids", () => {
    expect(
      idsOnly({ judgeKey: `p:${personId}`, mine: { [teamId]: 2 }, hidden: false, note: `${personId} is my phone's id` }),
    ).toEqual({ judgeKey: `p:${personId}`, mine: { [teamId]: 2 }, hidden: false, note: "" });
  });

  it("keeps a list's length, so a count read from it (notes copied) stays right", () => {
    const copied = {
      notes: [
        { id: personId, text: "12 Acre Lane" },
        { id: teamId, text: "Call my mum" },
      ],
    };
    expect((idsOnly(copied) as typeof copied).notes).toHaveLength(2);
    expect(idsOnly(null)).toBeNull();
    expect(idsOnly("Yara")).toBe("");
  });
});
