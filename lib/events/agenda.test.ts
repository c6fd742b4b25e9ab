import { describe, expect, it } from "vitest";
import { agendaSchema, moveItem, orderAgenda } from "./agenda";

describe("orderAgenda", () => {
  it("orders phases by start time, and by the organiser's order when they start together", () => {
    const phases = [
      { name: "Make", startsAt: 300, position: 0 },
      { name: "Presentations", startsAt: 400, position: 1 },
      { name: "Kick-off", startsAt: 100, position: 2 },
      { name: "Lunch", startsAt: 300, position: 3 },
    ];
    expect(orderAgenda(phases).map((p) => p.name)).toEqual(["Kick-off", "Make", "Lunch", "Presentations"]);
    expect(phases[0]!.name).toBe("Make"); // the input is left alone
  });
});

describe("moveItem", () => {
  it("swaps an item with its neighbour, and does nothing at the ends", () => {
    expect(moveItem(["a", "b", "c"], 1, "up")).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, "down")).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, "up")).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, "down")).toEqual(["a", "b", "c"]);
    expect(moveItem(["a"], 5, "up")).toEqual(["a"]);
  });
});

describe("agendaSchema", () => {
  it("reads London times and allows a blank end", () => {
    const parsed = agendaSchema.parse([
      { name: " Kick-off evening ", startsAt: "2026-12-04T18:00", endsAt: "2026-12-04T21:00" },
      { name: "Explore", startsAt: "2026-12-05T09:30", endsAt: "" },
    ]);
    expect(parsed[0]).toMatchObject({ name: "Kick-off evening", startsAt: Date.parse("2026-12-04T18:00:00Z") });
    expect(parsed[1]!.endsAt).toBeNull();
  });

  it("names the field at fault", () => {
    const result = agendaSchema.safeParse([
      { name: "Fine", startsAt: "2026-12-04T18:00", endsAt: "" },
      { name: "", startsAt: "", endsAt: "" },
      { name: "Backwards", startsAt: "2026-12-05T18:00", endsAt: "2026-12-05T09:00" },
      { name: "Nonsense", startsAt: "2026-12-05T18:00", endsAt: "soon" },
    ]);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["1.name", "Give this phase a name, like Kick-off evening."]);
    expect(issues).toContainEqual(["1.startsAt", "Say when this phase starts."]);
    expect(issues).toContainEqual(["2.endsAt", "The end must be after the start."]);
    expect(issues).toContainEqual(["3.endsAt", "Enter a real date and time, or leave the end blank."]);
  });
});
