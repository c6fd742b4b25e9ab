/**
 * Lets everything else waiting on this process run (socket messages, page requests, timers)
 * before carrying on: an import does its work in slices with one of these between each.
 */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
