import { describe, expect, it, vi } from "vitest";
import { type ItemCache, reuseItem, runsOf, sameInputs } from "./list-items";

type Note = { id: string; text: string };
type Entry = { inputs: readonly unknown[]; value: { shown: string } };

/** One render of a list: every note's item, from the previous render's cache. */
function render(notes: Note[], dots: Record<string, number>, previous: ItemCache<{ shown: string }>) {
  const next = new Map<string, Entry>();
  const make = vi.fn((n: Note) => ({ shown: `${n.text} (${dots[n.id] ?? 0})` }));
  const items = notes.map((n) => reuseItem(previous, next, n.id, [n, dots[n.id] ?? 0], () => make(n)));
  return { items, cache: next, made: make.mock.calls.length };
}

const notes = (n: number): Note[] => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, text: `idea ${i}` }));

describe("sameInputs", () => {
  it("compares inputs by identity, numbers by value", () => {
    const a = { id: "a" };
    expect(sameInputs([a, 1, null], [a, 1, null])).toBe(true);
    expect(sameInputs([{ id: "a" }], [{ id: "a" }])).toBe(false);
    expect(sameInputs([1, 2], [1])).toBe(false);
    expect(sameInputs([Number.NaN], [Number.NaN])).toBe(true);
  });
});

describe("reuseItem", () => {
  it("makes every item on the first render", () => {
    const first = render(notes(3), {}, new Map());
    expect(first.made).toBe(3);
    expect(first.items.map((i) => i.shown)).toEqual(["idea 0 (0)", "idea 1 (0)", "idea 2 (0)"]);
  });

  it("a note added at the end makes one item; the others are the very same values", () => {
    const list = notes(500);
    const first = render(list, {}, new Map());
    const added = { id: "new", text: "new idea" };
    const second = render([...list, added], {}, first.cache);
    expect(second.made).toBe(1);
    expect(second.items.slice(0, 500).every((item, i) => item === first.items[i])).toBe(true);
  });

  it("a dot on one note, or a new copy of one note, makes only that item again", () => {
    const list = notes(10);
    const first = render(list, {}, new Map());
    const voted = render(list, { n4: 1 }, first.cache);
    expect(voted.made).toBe(1);
    expect(voted.items[4]?.shown).toBe("idea 4 (1)");
    const acked = [...list];
    acked[7] = { ...list[7]!, text: "idea 7, edited" };
    const edited = render(acked, { n4: 1 }, voted.cache);
    expect(edited.made).toBe(1);
    expect(edited.items[4]).toBe(voted.items[4]);
    expect(edited.items[7]?.shown).toBe("idea 7, edited (0)");
  });

  it("an item follows its key when notes are reordered or removed", () => {
    const list = notes(4);
    const first = render(list, {}, new Map());
    const second = render([list[3]!, list[0]!, list[2]!], {}, first.cache);
    expect(second.made).toBe(0);
    expect(second.items).toEqual([first.items[3], first.items[0], first.items[2]]);
    // The removed note's item is not kept for the next render.
    expect([...second.cache.keys()]).toEqual(["n3", "n0", "n2"]);
  });
});

describe("runsOf", () => {
  it("cuts a list into runs of the given size, in order, the last one shorter", () => {
    expect(runsOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(runsOf([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(runsOf([], 20)).toEqual([]);
  });

  it("a 500-note board is 25 runs of 20, and adding a note at the end leaves the earlier runs as they were", () => {
    const ids = Array.from({ length: 500 }, (_, i) => `n${i}`);
    const runs = runsOf(ids, 20);
    expect(runs).toHaveLength(25);
    const after = runsOf([...ids, "n500"], 20);
    expect(after.slice(0, 25)).toEqual(runs);
    expect(after[25]).toEqual(["n500"]);
  });

  it("refuses a run size that is not a whole number from 1", () => {
    expect(() => runsOf([1], 0)).toThrow(RangeError);
    expect(() => runsOf([1], 1.5)).toThrow(RangeError);
  });
});
