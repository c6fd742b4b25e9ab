/**
 * One call for the asks made in the same task: screens that mount together (two panels of the
 * console reading the same private list) share one read, instead of each costing the server one
 * and writing the audit twice. An ask in a later task is a new call, so it sees every change
 * committed before it.
 */
export function sameTask<K extends object, T>(call: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const asked = new WeakMap<K, Promise<T>>();
  return (key) => {
    const pending = asked.get(key);
    if (pending) return pending;
    const made = call(key);
    asked.set(key, made);
    setTimeout(() => {
      if (asked.get(key) === made) asked.delete(key);
    }, 0);
    return made;
  };
}
