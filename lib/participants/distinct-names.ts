/**
 * Telling apart people whose shown names are the same ("A. B." and "A. B.": two under-18s with
 * the same initials, or two adults called "Sam") on the facilitator's console, which may be on
 * the projector: a number is added, "A. B. (2)", never more of anyone's name. Pure: derived from
 * the room's public names where a list is drawn, so nothing new is stored.
 *
 * Numbers are in join order among the people sharing a shown name, and are stable: a person
 * keeps their number for as long as they keep that shown name, whoever joins, renames or leaves.
 * We chose this over renumbering because a facilitator reads a number off the projector and then
 * picks it from a list: if "A. B. (3)" became "A. B. (2)" because (1) left meanwhile, they would
 * move the wrong child. The price is gaps ("A. B. (2)" and "A. B. (3)"), and a lone "A. B. (2)"
 * once the other has gone; a console opened afresh numbers from 1 again.
 * Someone joining a shared name takes the number after the highest held, so a number that is
 * on screen never changes hands; only when the highest holder has gone may theirs come back.
 * Someone whose shown name nobody else has gets no number.
 */

export type Person = { readonly id: string; readonly name: string };

/** Each person's shown name as it was numbered, and their number (null: nobody shares it). */
export type NameNumbers = ReadonlyMap<string, { readonly name: string; readonly n: number | null }>;

/**
 * The numbers for `people` (in join order), keeping those in `previous` (what the same screen
 * drew last) for everyone whose shown name has not changed. When a name becomes shared, whoever
 * already showed it comes first: the one who joined, or renamed into it, takes the next number.
 */
export function numberSharedNames(people: readonly Person[], previous: NameNumbers = new Map()): NameNumbers {
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    const group = groups.get(p.name);
    if (group) group.push(p);
    else groups.set(p.name, [p]);
  }
  const numbers = new Map<string, { name: string; n: number | null }>();
  for (const [name, group] of groups) {
    const before = (p: Person) => (previous.get(p.id)?.name === name ? previous.get(p.id) : undefined);
    const numbered = group.filter((p) => before(p)?.n != null);
    if (group.length < 2 && numbered.length === 0) {
      for (const p of group) numbers.set(p.id, { name, n: null });
      continue;
    }
    for (const p of numbered) numbers.set(p.id, { name, n: before(p)?.n ?? null });
    let next = Math.max(0, ...numbered.map((p) => before(p)?.n ?? 0));
    const unnumbered = group.filter((p) => !numbers.has(p.id));
    const alreadyShown = unnumbered.filter((p) => before(p) !== undefined);
    for (const p of [...alreadyShown, ...unnumbered.filter((p) => before(p) === undefined)]) {
      numbers.set(p.id, { name, n: ++next });
    }
  }
  return numbers;
}
