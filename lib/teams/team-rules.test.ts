import { describe, expect, it } from "vitest";
import type { PersonView } from "@/lib/realtime/contract-teams";
import {
  capacityProblem,
  distinctTeamName,
  hasRoom,
  sameWordFamily,
  splitNames,
  staffPlacementProblem,
  teamFlags,
  teamMix,
  teamNameProblem,
  whoCanHelp,
  wordStem,
} from "./team-rules";

const person = (id: string, kind: PersonView["kind"], skills: string[] = [], name = id): PersonView => ({
  id,
  name,
  kind,
  skills,
  teamId: "t",
  joinNumber: 1,
});

describe("hasRoom", () => {
  it("lets anyone into a team without a capacity", () => {
    expect(hasRoom(null, 0)).toBe(true);
    expect(hasRoom(null, 500)).toBe(true);
  });

  it("takes people until the headcount reaches the capacity, and no further", () => {
    expect(hasRoom(3, 0)).toBe(true);
    expect(hasRoom(3, 2)).toBe(true);
    expect(hasRoom(3, 3)).toBe(false);
    expect(hasRoom(3, 4)).toBe(false);
  });
});

describe("staffPlacementProblem", () => {
  const healthwatch = { name: "Healthwatch", capacity: 5 };

  it("lets a facilitator place someone wherever a person could join by their own tap", () => {
    expect(staffPlacementProblem({ name: "Open", capacity: null }, 40, false)).toBeNull();
    expect(staffPlacementProblem(healthwatch, 4, false)).toBeNull();
  });

  it("refuses a full team, naming it and saying what to do instead", () => {
    expect(staffPlacementProblem(healthwatch, 5, false)).toBe(
      "Healthwatch is full (5 of 5 places taken). Choose another team, give it more places, or move them anyway.",
    );
    // Already over (someone was moved in beyond it before): still full.
    expect(staffPlacementProblem(healthwatch, 6, false)).toMatch(/^Healthwatch is full \(6 of 5/);
  });

  it("goes beyond the capacity only when the facilitator says so", () => {
    expect(staffPlacementProblem(healthwatch, 5, true)).toBeNull();
    expect(staffPlacementProblem(healthwatch, 9, true)).toBeNull();
  });
});

describe("capacityProblem", () => {
  it("accepts no limit, or a limit at or above the people already in", () => {
    expect(capacityProblem(null, 9)).toBeNull();
    expect(capacityProblem(4, 4)).toBeNull();
    expect(capacityProblem(6, 4)).toBeNull();
  });

  it("refuses a limit that would strand people already in, and says the smallest that works", () => {
    expect(capacityProblem(2, 4)).toBe("4 people are already in this team. Set a capacity of at least 4, or leave it empty.");
  });
});

describe("teamMix", () => {
  it("counts kinds and skills, most common first, skills ignoring case and repeats per person", () => {
    const mix = teamMix([
      person("a", "resident", ["Drawing", "talking to people"]),
      person("b", "resident", ["drawing", "drawing "]),
      person("c", "designer", ["Spreadsheets"]),
      person("d", null),
    ]);
    expect(mix.headcount).toBe(4);
    expect(mix.kinds).toEqual([
      { key: "resident", count: 2 },
      { key: "designer", count: 1 },
    ]);
    expect(mix.skills).toEqual([
      { key: "drawing", count: 2 },
      { key: "spreadsheets", count: 1 },
      { key: "talking to people", count: 1 },
    ]);
  });
});

describe("teamFlags", () => {
  const keys = (capacity: number | null, people: PersonView[]) => teamFlags({ capacity }, teamMix(people)).map((f) => f.key);

  it("says a new team has nobody yet, and nothing else", () => {
    expect(keys(null, [])).toEqual(["empty"]);
  });

  it("notices one person alone, and a team without residents", () => {
    expect(keys(null, [person("a", "designer")])).toEqual(["only-one", "no-residents"]);
    expect(keys(null, [person("a", "resident")])).toEqual(["only-one"]);
  });

  it("says full at capacity, and stays quiet for a mixed team with room", () => {
    const two = [person("a", "resident"), person("b", "council_officer")];
    expect(keys(2, two)).toEqual(["full"]);
    expect(keys(3, two)).toEqual([]);
  });

  it("uses plain words", () => {
    expect(teamFlags({ capacity: 1 }, teamMix([person("a", null)])).map((f) => f.text)).toEqual([
      "Full",
      "Only one person",
      "No residents yet",
    ]);
  });
});

describe("splitNames", () => {
  it("adds A to the original and B to the new team", () => {
    expect(splitNames("Healthwatch", ["Healthwatch", "Lambeth Website"])).toEqual({
      original: "Healthwatch A",
      added: "Healthwatch B",
    });
  });

  it("takes the next free letter when the brief is split again", () => {
    expect(splitNames("Healthwatch A", ["Healthwatch A", "Healthwatch B"])).toEqual({
      original: "Healthwatch A",
      added: "Healthwatch C",
    });
  });

  it("never takes a name another team reads as, whatever its case or spacing", () => {
    expect(splitNames("Healthwatch", ["Healthwatch", "healthwatch a", "Healthwatch  B"])).toEqual({
      original: "Healthwatch C",
      added: "Healthwatch D",
    });
  });
});

describe("a team's name in its event", () => {
  const teams = [
    { id: "t1", name: "Lambeth Website" },
    { id: "t2", name: "Healthwatch" },
    { id: "t3", name: "Pocket Parks" },
  ];

  it("is refused when another team reads the same, in any case or spacing, naming the team it clashes with", () => {
    for (const typed of ["Healthwatch", "healthwatch", " HEALTHWATCH ", "Health watch", "Pocket  parks"]) {
      expect(teamNameProblem(typed, teams), typed).toMatch(
        /^There is already a team called (Healthwatch|Pocket Parks)\. Choose another name\.$/,
      );
    }
  });

  it("is free when no other team reads so, and a team may keep or recase its own name", () => {
    expect(teamNameProblem("Healthwatch North", teams)).toBeNull();
    expect(teamNameProblem("Healthwatch", teams, "t2")).toBeNull();
    expect(teamNameProblem("HealthWatch", teams, "t2")).toBeNull();
    expect(teamNameProblem("Healthwatch", teams, "t3")).toBe("There is already a team called Healthwatch. Choose another name.");
  });

  it("named by the product itself (after a brief, from a file), is told apart with a number rather than refused", () => {
    expect(distinctTeamName("Healthwatch", ["Lambeth Website"])).toBe("Healthwatch");
    expect(distinctTeamName("healthwatch", ["Healthwatch"])).toBe("healthwatch (2)");
    expect(distinctTeamName("Healthwatch", ["Healthwatch", "Healthwatch (2)"])).toBe("Healthwatch (3)");
    const long = "A".repeat(60);
    expect(distinctTeamName(long, [long])).toHaveLength(60);
  });
});

describe("whoCanHelp", () => {
  const room = [
    person("a", "resident", ["making websites", "drawing"], "Amara"),
    person("b", "developer", ["websites", "data"], "Ben"),
    person("c", "council_officer", ["knowing the area"], "Chi"),
  ];

  it("finds people by any word of the query in their skills, best match first", () => {
    expect(whoCanHelp(room, "making websites").map((m) => [m.person.name, m.skills])).toEqual([
      ["Amara", ["making websites"]],
      ["Ben", ["websites"]],
    ]);
    expect(whoCanHelp(room, "AREA").map((m) => m.person.name)).toEqual(["Chi"]);
  });

  it("ignores tiny words and finds nobody for an empty query", () => {
    expect(whoCanHelp(room, "to a")).toEqual([]);
    expect(whoCanHelp(room, "   ")).toEqual([]);
    expect(whoCanHelp(room, "juggling")).toEqual([]);
  });
});

describe("word forms in who can help", () => {
  it("stems plurals and endings, keeping at least three letters", () => {
    expect(wordStem("photos")).toBe("photo");
    expect(wordStem("Photography")).toBe("photograph");
    expect(wordStem("photographer")).toBe("photograph");
    expect(wordStem("coding")).toBe("cod");
    expect(wordStem("code")).toBe("cod");
    expect(wordStem("bus")).toBe("bus");
  });

  it("puts forms of one word together, and not short look-alikes", () => {
    expect(sameWordFamily("photos", "photography")).toBe(true);
    expect(sameWordFamily("photography", "photos")).toBe(true);
    expect(sameWordFamily("photos", "photographer")).toBe(true);
    expect(sameWordFamily("designers", "design")).toBe(true);
    expect(sameWordFamily("coding", "code")).toBe(true);
    expect(sameWordFamily("date", "data")).toBe(false);
    expect(sameWordFamily("photos", "phone")).toBe(false);
  });

  it("'who can help with photos' finds the photographers", () => {
    const room = [
      person("a", "resident", ["Photography"], "Amara"),
      person("b", "developer", ["wedding photographer"], "Ben"),
      person("c", "resident", ["phone repairs"], "Chi"),
    ];
    expect(whoCanHelp(room, "photos").map((m) => [m.person.name, m.skills])).toEqual([
      ["Amara", ["Photography"]],
      ["Ben", ["wedding photographer"]],
    ]);
  });
});
