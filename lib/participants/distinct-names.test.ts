import { describe, expect, it } from "vitest";
import { type NameNumbers, numberSharedNames, type Person } from "./distinct-names";
import { publicName } from "./profile-facts";

/** Each person's number, in the order given; null: no number. */
const shown = (people: Person[], numbers: NameNumbers) => people.map((p) => numbers.get(p.id)?.n);
const young = (id: string, displayName: string): Person => ({
  id,
  name: publicName({ displayName, ageBand: "16_17", leftAt: null }),
});

describe("numberSharedNames", () => {
  it("numbers under-18s whose initials are the same, in join order, and nobody else", () => {
    const people = [young("a", "Alex Brown"), young("b", "Sam Jones"), young("c", "Ava Bell")];
    expect(people.map((p) => p.name)).toEqual(["A. B.", "S. J.", "A. B."]);
    expect(shown(people, numberSharedNames(people))).toEqual([1, null, 2]);
  });

  it("numbers adults who chose the same name", () => {
    const people = [
      { id: "a", name: "Sam" },
      { id: "b", name: "Sam" },
      { id: "c", name: "Sam" },
      { id: "d", name: "Sami" },
    ];
    expect(shown(people, numberSharedNames(people))).toEqual([1, 2, 3, null]);
  });

  it("keeps everyone's number when someone sharing their name leaves", () => {
    const [alex, ava, abi] = [young("a", "Alex Brown"), young("b", "Ava Bell"), young("c", "Abi Bose")];
    const before = numberSharedNames([alex, ava, abi]);
    const after = numberSharedNames([ava, abi], before);
    expect(shown([ava, abi], after)).toEqual([2, 3]);
    // Even the last one left keeps theirs: it may be the number a facilitator is looking for.
    expect(shown([abi], numberSharedNames([abi], after))).toEqual([3]);
  });

  it("keeps the others' numbers when one renames, and numbers the renamed one afresh", () => {
    const [alex, ava, abi, cal] = [
      young("a", "Alex Brown"),
      young("b", "Ava Bell"),
      young("c", "Abi Bose"),
      young("d", "Cal Dent"),
    ];
    const before = numberSharedNames([alex, ava, abi, cal]);
    const renamed = [alex, young("b", "Cleo Day"), abi, cal];
    const after = numberSharedNames(renamed, before);
    // Cal was on screen as "C. D." first: Ava, renamed into it, comes after him.
    expect(shown(renamed, after)).toEqual([1, 2, 3, 1]);
    expect(after.get("b")).toEqual({ name: "C. D.", n: 2 });
    expect(after.get("d")).toEqual({ name: "C. D.", n: 1 });
    // Renaming back gives a new number, after the highest held: her old one is not kept for her;
    // Cal, alone with "C. D." again, keeps his.
    const back = [alex, ava, abi, cal];
    expect(shown(back, numberSharedNames(back, after))).toEqual([1, 4, 3, 1]);
  });

  it("gives someone joining a shared name the number after the highest held, never one on screen", () => {
    const [alex, ava, abi] = [young("a", "Alex Brown"), young("b", "Ava Bell"), young("c", "Abi Bose")];
    const before = numberSharedNames([alex, ava, abi]);
    const later = [ava, abi, young("d", "Ali Baker")];
    expect(shown(later, numberSharedNames(later, before))).toEqual([2, 3, 4]);
  });

  it("numbers someone alone with their name only once another shares it", () => {
    const first = [young("a", "Alex Brown")];
    const alone = numberSharedNames(first);
    expect(shown(first, alone)).toEqual([null]);
    const two = [...first, young("b", "Ava Bell")];
    expect(shown(two, numberSharedNames(two, alone))).toEqual([1, 2]);
  });

  it("gives the same numbers for the same room, whoever draws it", () => {
    const people = [young("a", "Alex Brown"), { id: "b", name: "Sam" }, young("c", "Ava Bell"), { id: "d", name: "Sam" }];
    expect(numberSharedNames(people)).toEqual(numberSharedNames(people));
    expect(shown(people, numberSharedNames(people))).toEqual([1, 1, 2, 2]);
  });
});
