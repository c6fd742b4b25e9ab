/**
 * The items of a long list (a board's notes on a phone), each made again only when its own
 * inputs changed. Handing React the very element it rendered last time lets it skip that item
 * without comparing its props, so on a 500-note board a new note, an ack or a dot redraws the
 * notes it touched instead of re-creating and comparing 500 (bench/README.md, finding 14). The
 * list stays one flat list keyed by note, so a note that moves keeps its state (an edit in
 * progress). Pure and free of Node APIs: the browser and unit tests share it.
 */

export type ItemCache<V> = ReadonlyMap<string, { inputs: readonly unknown[]; value: V }>;

/** Same length and the same inputs, compared by identity (numbers and strings by value). */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * The value for `key`: the previous one if its inputs are the same, else `make()`. Either way it
 * is recorded in `next`, the cache for the following render (so items no longer shown drop out).
 */
export function reuseItem<V>(
  previous: ItemCache<V>,
  next: Map<string, { inputs: readonly unknown[]; value: V }>,
  key: string,
  inputs: readonly unknown[],
  make: () => V,
): V {
  const before = previous.get(key);
  const entry = before && sameInputs(before.inputs, inputs) ? before : { inputs, value: make() };
  next.set(key, entry);
  return entry.value;
}

/** The items in runs of `size` (the last may be shorter), in order. */
export function runsOf<V>(items: readonly V[], size: number): V[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("a run holds at least one item");
  const runs: V[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}
