/**
 * What a device keeps for one person in one event: the outbox, half-typed words, a showcase
 * being written, a nudge answered. A phone is often shared (handed over, or a second person
 * joins on it), so all of it is filed under the person it was written by: the next person
 * neither sees it nor sends it as theirs, and leaving finds every piece of it.
 * `person` is the server's pseudonym for them in the event (lib/auth/pseudonym.ts `personTag`).
 */
export type Keeper = { eventId: string; person: string };

const prefixOf = ({ eventId, person }: Keeper) => `madein.${eventId}.${person}.`;

/** Where `thing` (e.g. "outbox", "draft.note.<boardId>") is kept for this person in this event. */
export const keptKey = (keeper: Keeper, thing: string) => `${prefixOf(keeper)}${thing}`;

type Listing = Pick<Storage, "length" | "key" | "removeItem">;

function removeWhere(storage: Listing | null, matches: (key: string) => boolean): string[] {
  const found: string[] = [];
  try {
    if (!storage) return found;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && matches(key)) found.push(key);
    }
    for (const key of found) storage.removeItem(key);
  } catch {
    // storage blocked: nothing was kept in it
  }
  return found;
}

const forgetListeners = new Set<(keeper: Keeper) => void>();

/**
 * Told when a person's things are forgotten, so copies kept in a page's memory (use-draft.ts)
 * go with the stored ones.
 */
export function onForget(listener: (keeper: Keeper) => void) {
  forgetListeners.add(listener);
  return () => void forgetListeners.delete(listener);
}

/**
 * Forgets everything kept for this person in this event (they left, or were taken out): from
 * every store given, and from the page's memory. Returns the keys removed.
 */
export function forgetKept(keeper: Keeper, ...stores: (Listing | null)[]): string[] {
  const prefix = prefixOf(keeper);
  const removed = stores.flatMap((store) => removeWhere(store, (key) => key.startsWith(prefix)));
  for (const listener of forgetListeners) listener(keeper);
  return removed;
}

/** Whether a key in memory belongs to this person in this event. */
export const isKeptFor = (keeper: Keeper, key: string) => key.startsWith(prefixOf(keeper));

/**
 * Things kept before they were filed per person (an outbox per event, drafts per board, a
 * showcase per team, a nudge per event): nobody can tell whose they are, and sending or showing
 * them to whoever holds the phone now is how the last person's words went out as the next
 * one's. They are dropped, never adopted.
 */
const unowned = [/^madein\.outbox\./, /^madein\.draft\./, /^madein:showcase-draft:/, /^madein\.nudge\./];

export function forgetUnowned(storage: Listing | null): string[] {
  return removeWhere(storage, (key) => unowned.some((pattern) => pattern.test(key)));
}

/** A key filed by `keptKey`: madein.<event>.<person tag (16 base64url characters)>.<thing>. */
const keptKeyPattern = /^madein\.([^.]+)\.([A-Za-z0-9_-]{16})\./;

/** The people (per event) these keys are kept for; other keys are nobody's and left alone. */
export function keepersIn(keys: Iterable<string>): Keeper[] {
  const found = new Map<string, Keeper>();
  for (const key of keys) {
    const match = keptKeyPattern.exec(key);
    if (match?.[1] && match[2]) found.set(`${match[1]}.${match[2]}`, { eventId: match[1], person: match[2] });
  }
  return [...found.values()];
}

/**
 * Whose kept things to forget: the people this device no longer holds, in an event where it holds
 * nobody (they left, here or on a page without JavaScript that could not clear storage; their
 * device was signed out; the event and its people were erased). `holders`: for each event asked
 * about, the people the device's cookies hold there now (participant, or staff signed in).
 * An event held by someone else keeps everyone's things: a phone handed over in an event (a
 * personal link opened on it) keeps the first person's queued notes for when they are back, and
 * the next person never sees or sends them (they are filed under the first person). An event
 * not asked about, or not answered, keeps everything.
 */
export function leftBehind(kept: readonly Keeper[], holders: Readonly<Record<string, readonly string[]>>): Keeper[] {
  return kept.filter(({ eventId }) => Object.hasOwn(holders, eventId) && holders[eventId]?.length === 0);
}
