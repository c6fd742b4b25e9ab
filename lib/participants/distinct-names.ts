/**
 * Telling apart people whose shown names are the same ("A. B." and "A. B.": two under-18s with
 * the same initials, or two adults called "Sam") on the facilitator's console, which may be on
 * the projector, and on a phone's team list: a number is added, "A. B. (2)", never more of
 * anyone's name. Pure: derived from the room's public names where a list is drawn, so nothing new
 * is stored.
 *
 * Numbers follow the order people joined the event (the server's join number), among
 * those sharing a shown name now; so every screen drawing the same room gives everyone the same
 * number, however and whenever it learnt of them. That is what a facilitator relies on when they
 * read a number off the projector and pick it on their console, or two facilitators talk about
 * "A. B. (2)". We chose this over numbers each screen keeps from what it drew before: those
 * differed between a console open since the morning and one opened at lunch. The price: when
 * someone sharing a name leaves or renames, those who joined after them move up a number, on
 * every screen at once. Someone whose shown name nobody else has gets no number.
 */

export type Person = { readonly id: string; readonly name: string; readonly joinNumber: number };

/** Each person's number (null: nobody else is shown by their name). */
export type NameNumbers = ReadonlyMap<string, number | null>;

const joinOrder = (a: Person, b: Person) => a.joinNumber - b.joinNumber || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The numbers for `people`, in whatever order a screen holds them. */
export function numberSharedNames(people: readonly Person[]): NameNumbers {
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    const group = groups.get(p.name);
    if (group) group.push(p);
    else groups.set(p.name, [p]);
  }
  const numbers = new Map<string, number | null>();
  for (const group of groups.values()) {
    if (group.length < 2) for (const p of group) numbers.set(p.id, null);
    else [...group].sort(joinOrder).forEach((p, i) => void numbers.set(p.id, i + 1));
  }
  return numbers;
}
