import { describe, expect, it } from "vitest";
import type { PersonView, TeamView } from "@/lib/realtime/contract-teams";
import { applyTeamEvent, membersOf, renamedOrGone, type TeamsState } from "./teams-state";

const team = (id: string, position: number, name = id): TeamView => ({
  id,
  name,
  briefId: null,
  briefTitle: null,
  capacity: null,
  position,
});
const person = (id: string, teamId: string | null): PersonView => ({
  id,
  name: id,
  kind: null,
  skills: [],
  teamId,
  joinNumber: 1,
});

const start: TeamsState = { teams: [team("a", 0), team("b", 1)], people: [person("p1", "a"), person("p2", null)], me: "p1" };

describe("applyTeamEvent", () => {
  it("moves a person between teams without duplicating them", () => {
    const next = applyTeamEvent(start, { name: "team:membership-changed", data: { person: person("p1", "b"), fromTeamId: "a" } });
    expect(membersOf(next, "a")).toEqual([]);
    expect(membersOf(next, "b").map((p) => p.id)).toEqual(["p1"]);
    expect(next.people).toHaveLength(2);
  });

  it("adds someone who just joined the event, and is idempotent when it hears it twice", () => {
    const event = { name: "participant:joined" as const, data: { person: person("p3", null) } };
    const once = applyTeamEvent(start, event);
    expect(applyTeamEvent(once, event)).toEqual(once);
    expect(once.people.map((p) => p.id)).toEqual(["p1", "p2", "p3"]);
  });

  it("keeps teams in position order as they are created and renamed", () => {
    const created = applyTeamEvent(start, { name: "team:created", data: { team: team("c", 2) } });
    const renamed = applyTeamEvent(created, { name: "team:updated", data: { team: team("a", 0, "Healthwatch A") } });
    expect(renamed.teams.map((t) => t.name)).toEqual(["Healthwatch A", "b", "c"]);
  });

  it("forgets someone who left", () => {
    const next = applyTeamEvent(start, { name: "participant:left", data: { participantId: "p1", fromTeamId: "a" } });
    expect(next.people.map((p) => p.id)).toEqual(["p2"]);
  });
});

describe("whether a screen that names people as it reads them must read again", () => {
  const before = new Map([
    ["p1", "Amara Okafor"],
    ["p2", "B. J."],
  ]);
  it("is yes when someone is shown by another name, or has left", () => {
    expect(renamedOrGone(before, new Map([...before, ["p1", "A. O."]]))).toBe(true);
    expect(renamedOrGone(before, new Map([["p1", "Amara Okafor"]]))).toBe(true);
  });
  it("is no when people only join, or nothing changed", () => {
    expect(renamedOrGone(before, new Map([...before, ["p3", "Chidi"]]))).toBe(false);
    expect(renamedOrGone(before, new Map(before))).toBe(false);
  });
});
