import { describe, expect, it } from "vitest";
import { type Actor, actorKey, isStaff, type Permission, permissions } from "./actor";

const participant: Actor = { kind: "participant", eventId: "e", participantId: "p1", role: "participant" };
const facilitator: Actor = { kind: "staff", eventId: "e", accountId: "a1", name: "Facilitator", role: "facilitator" };
const organiser: Actor = { kind: "staff", eventId: "e", accountId: "a2", name: "Organiser", role: "organiser" };

describe("permissions", () => {
  const table: [Permission, participant: boolean, facilitator: boolean, organiser: boolean][] = [
    ["readEvent", true, true, true],
    ["writeNote", true, true, true],
    ["announce", false, true, true],
    ["runRoom", false, true, true],
    ["organise", false, false, true],
    ["manageTeams", false, true, true],
    ["seePrivateDetails", false, true, true],
  ];

  it.each(table)("%s: participant %s, facilitator %s, organiser %s", (permission, p, f, o) => {
    expect(permissions[permission](participant)).toBe(p);
    expect(permissions[permission](facilitator)).toBe(f);
    expect(permissions[permission](organiser)).toBe(o);
  });

  it("covers every permission in the table above", () => {
    expect(Object.keys(permissions).sort()).toEqual(table.map(([name]) => name).sort());
  });
});

describe("actorKey / isStaff", () => {
  it("keys a person, not a tab, and never confuses a participant with an account of the same id", () => {
    expect(actorKey(participant)).toBe("p:p1");
    expect(actorKey({ ...participant })).toBe(actorKey(participant));
    const sameId: Actor = { ...facilitator, accountId: "p1" };
    expect(actorKey(sameId)).not.toBe(actorKey(participant));
  });

  it("counts facilitators and organisers as staff", () => {
    expect([participant, facilitator, organiser].map(isStaff)).toEqual([false, true, true]);
  });
});
