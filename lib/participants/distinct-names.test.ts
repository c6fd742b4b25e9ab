import { describe, expect, it } from "vitest";
import { type NameNumbers, numberSharedNames, type Person } from "./distinct-names";
import { publicName } from "./profile-facts";

/** Each person's number, in the order given; null: no number. */
const shown = (people: Person[], numbers: NameNumbers) => people.map((p) => numbers.get(p.id));
/** Someone under 18 who joined at `joinNumber`: the room sees their initials. */
const young = (id: string, displayName: string, joinNumber: number): Person => ({
  id,
  name: publicName({ displayName, ageBand: "16_17", leftAt: null }),
  joinNumber,
});

describe("numberSharedNames", () => {
  it("numbers under-18s whose initials are the same, in join order, and nobody else", () => {
    const people = [young("a", "Alex Brown", 1), young("b", "Sam Jones", 2), young("c", "Ava Bell", 3)];
    expect(people.map((p) => p.name)).toEqual(["A. B.", "S. J.", "A. B."]);
    expect(shown(people, numberSharedNames(people))).toEqual([1, null, 2]);
  });

  it("numbers adults who chose the same name", () => {
    const people = [
      { id: "a", name: "Sam", joinNumber: 1 },
      { id: "b", name: "Sam", joinNumber: 2 },
      { id: "c", name: "Sam", joinNumber: 3 },
      { id: "d", name: "Sami", joinNumber: 4 },
    ];
    expect(shown(people, numberSharedNames(people))).toEqual([1, 2, 3, null]);
  });

  it("gives two consoles the same numbers whatever order each learnt of the people in", () => {
    // The morning's console heard Ava's join before Alex's was read (a join racing a reload);
    // the lunchtime console read both from one snapshot, in join order.
    const [alex, ava, abi] = [young("a", "Alex Brown", 10), young("b", "Ava Bell", 20), young("c", "Abi Bose", 30)];
    const morning = numberSharedNames([ava, abi, alex]);
    const lunchtime = numberSharedNames([alex, ava, abi]);
    expect(morning).toEqual(lunchtime);
    expect(shown([alex, ava, abi], lunchtime)).toEqual([1, 2, 3]);
  });

  it("orders people who joined in the same millisecond by their id, so screens still agree", () => {
    const [x, y] = [young("x", "Alex Brown", 5), young("y", "Ava Bell", 5)];
    expect(shown([x, y], numberSharedNames([y, x]))).toEqual([1, 2]);
  });

  it("numbers the same on a console open before a leave as on one opened after it", () => {
    const [alex, ava, abi] = [young("a", "Alex Brown", 1), young("b", "Ava Bell", 2), young("c", "Abi Bose", 3)];
    expect(shown([ava, abi], numberSharedNames([ava, abi]))).toEqual([1, 2]);
    // The last one left with the name has no number: nobody to tell them from.
    expect(shown([abi], numberSharedNames([abi]))).toEqual([null]);
    expect(numberSharedNames([alex, ava, abi]).get("a")).toBe(1);
  });

  it("numbers someone renamed into a shared name by when they joined, as a fresh console does", () => {
    const [alex, cal] = [young("a", "Alex Brown", 1), young("d", "Cal Dent", 4)];
    const renamed = [alex, young("b", "Cleo Day", 2), cal];
    expect(shown(renamed, numberSharedNames(renamed))).toEqual([null, 1, 2]);
  });

  it("shows nothing but the shown name and a number", () => {
    const numbers = numberSharedNames([young("a", "Alex Brown", 1), young("b", "Ava Bell", 2)]);
    expect(JSON.stringify([...numbers])).not.toMatch(/Alex|Ava|Brown|Bell/);
  });
});
