import { describe, expect, it } from "vitest";
import { carryRows, type ListRow } from "./list-carry";

const columns = ["name", "startsAt"];
const row = (key: number, values: Record<string, string>): ListRow => ({ key, values });

describe("carryRows", () => {
  it("gives a phase sent new the id its save gave it, and keeps a phase added after sending new", () => {
    const sent = [
      row(0, { id: "p1", name: "Kick-off", startsAt: "2027-03-05T18:00" }),
      row(1, { id: "", name: "Dinner", startsAt: "" }),
    ];
    const kept = [...sent, row(2, { id: "", name: "Pitches", startsAt: "" })];
    // The stored agenda comes back in time order: the new phase first.
    const answer = [
      { id: "p2", name: "Dinner", startsAt: "" },
      { id: "p1", name: "Kick-off", startsAt: "2027-03-05T18:00" },
    ];
    expect(carryRows(kept, sent, answer, columns, ["id"])).toEqual([
      sent[0],
      row(1, { id: "p2", name: "Dinner", startsAt: "" }),
      row(2, { id: "", name: "Pitches", startsAt: "" }),
    ]);
  });

  it("keeps what was typed into a sent row meanwhile, and its order and removals", () => {
    const sent = [row(0, { id: "", name: "Dinner", startsAt: "" }), row(1, { id: "", name: "Walk", startsAt: "" })];
    const kept = [row(1, { id: "", name: "Walk to the park", startsAt: "" }), row(0, { id: "", name: "Dinner", startsAt: "" })];
    const answer = [
      { id: "a", name: "Dinner", startsAt: "" },
      { id: "b", name: " Walk ", startsAt: "" },
    ];
    expect(carryRows(kept, sent, answer, columns, ["id"])).toEqual([
      row(1, { id: "b", name: "Walk to the park", startsAt: "" }),
      row(0, { id: "a", name: "Dinner", startsAt: "" }),
    ]);
    expect(carryRows([kept[0]!], sent, answer, columns, ["id"])).toEqual([
      row(1, { id: "b", name: "Walk to the park", startsAt: "" }),
    ]);
  });

  it("never gives a new row the id of a row that was sent with it, even with the same words", () => {
    const sent = [row(0, { id: "p1", name: "Lunch", startsAt: "" }), row(1, { id: "", name: "Lunch", startsAt: "" })];
    const answer = [
      { id: "p1", name: "Lunch", startsAt: "" },
      { id: "p2", name: "Lunch", startsAt: "" },
    ];
    expect(carryRows(sent, sent, answer, columns, ["id"]).map((r) => r.values.id)).toEqual(["p1", "p2"]);
    // Refused (the answer is the list as posted, no ids given): nothing to take.
    expect(
      carryRows(
        sent,
        sent,
        sent.map((r) => r.values),
        columns,
        ["id"],
      ).map((r) => r.values.id),
    ).toEqual(["p1", ""]);
  });

  it("leaves a row whose words the save changed, and lists without ids, as they are", () => {
    const sent = [row(0, { name: "Dinner", startsAt: "" })];
    expect(carryRows(sent, sent, [{ id: "x", name: "Supper", startsAt: "" }], columns, ["id"])).toEqual(sent);
    const links = [row(0, { title: "Counts", url: "https://example.org" })];
    expect(carryRows(links, links, [{ title: "Counts", url: "https://example.org" }], ["title", "url"], [])).toEqual(links);
  });
});
