import { describe, expect, it } from "vitest";
import type { ColumnView } from "./board-state";
import { groupNames, shortWords } from "./group-names";

type Note = ColumnView["notes"][number];
const note = (id: string, text: string, groupId: string | null, hidden = false) =>
  ({ id, text, groupId, hidden }) as unknown as Note;
const columns = (...lists: Note[][]): ColumnView[] => lists.map((notes, i) => ({ key: `c${i}`, title: `C${i}`, notes }));

describe("what a group is called on a phone", () => {
  it("keeps a title, and calls an untitled group after its first readable note in board order", () => {
    const names = groupNames(
      { water: { title: "" }, play: { title: "" }, named: { title: "Benches" }, secret: { title: "" } },
      columns(
        [note("n1", "   ", "water"), note("n2", "A drinking tap", "water", true), note("n3", "A water fountain", "water")],
        [note("n4", "A zip wire", "play"), note("n5", "Swings", "play"), note("n6", "More benches", "named")],
        [note("n7", "Earlier in the column but later in order", "water"), note("n8", "", "secret", true)],
      ),
    );
    expect(names.get("water")).toEqual({ kind: "note", text: "A water fountain" });
    expect(names.get("play")).toEqual({ kind: "note", text: "A zip wire" });
    expect(names.get("named")).toEqual({ kind: "titled", title: "Benches" });
    // Hidden notes give nothing away: a group of them stays untitled.
    expect(names.get("secret")).toEqual({ kind: "untitled" });
  });

  it("cuts a long note at a word, on one line", () => {
    expect(shortWords("A water fountain")).toBe("A water fountain");
    expect(shortWords("A drinking fountain by the\nswings, with a step for small children")).toBe(
      "A drinking fountain by the swings, with…",
    );
    expect(shortWords("x".repeat(60))).toBe(`${"x".repeat(40)}…`);
    expect(Array.from(shortWords("💧".repeat(50))).length).toBe(41);
  });
});
