import { forgetKept, keepersIn, leftBehind } from "./kept";

type Store = Pick<Storage, "length" | "key" | "removeItem">;

function keysOf(store: Store | null): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key !== null) keys.push(key);
    }
  } catch {
    // storage blocked: nothing was kept in it
  }
  return keys;
}

const storeOf = (name: "localStorage" | "sessionStorage"): Store | null => {
  try {
    return typeof window === "undefined" ? null : window[name];
  } catch {
    return null;
  }
};

/**
 * Forgets what this browser kept (drafts, outboxes, answered nudges) for people it no longer holds
 * in an event: asks the server whom its cookies hold in each event it keeps things for (the
 * cookies can't be read here), then applies `leftBehind`. Leaving on a page without JavaScript
 * ends on the server, which cannot reach this storage: the next page with JavaScript clears it.
 */
export async function forgetLeftBehind(): Promise<void> {
  const stores = [storeOf("localStorage"), storeOf("sessionStorage")];
  const kept = keepersIn(stores.flatMap(keysOf));
  if (kept.length === 0) return;
  try {
    const response = await fetch("/api/kept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events: [...new Set(kept.map((k) => k.eventId))].slice(0, 20) }),
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const { holders } = (await response.json()) as { holders: Record<string, string[]> };
    for (const keeper of leftBehind(kept, holders)) forgetKept(keeper, ...stores);
  } catch {
    // offline, or the server is away: asked again on the next page
  }
}
