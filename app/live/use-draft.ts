"use client";

import { useCallback, useSyncExternalStore } from "react";
import { isKeptFor, keptKey, onForget } from "@/lib/realtime/client/kept";
import { useKeeper } from "@/lib/realtime/client/react";

/**
 * Half-written text, kept across reloads: the phone may die, or the page close, mid-sentence.
 * Kept in localStorage, and in the page's memory as well, so the text still lives in the page
 * when storage is blocked (private browsing) and a long board reads storage once per note.
 */
const kept = new Map<string, string | null>();
const watchers = new Map<string, Set<() => void>>();

function read(key: string): string | null {
  if (!kept.has(key)) {
    let value: string | null = null;
    try {
      value = localStorage.getItem(key);
    } catch {
      // storage blocked: nothing was kept
    }
    kept.set(key, value);
  }
  return kept.get(key) ?? null;
}

function write(key: string, value: string | null) {
  kept.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage blocked or full: the text still lives in the page
  }
  for (const watcher of watchers.get(key) ?? []) watcher();
}

// A person who leaves takes their drafts with them, from the page's memory too.
onForget((keeper) => {
  for (const key of [...kept.keys()]) {
    if (!isKeptFor(keeper, key)) continue;
    kept.delete(key);
    for (const watcher of watchers.get(key) ?? []) watcher();
  }
});

/**
 * The draft of `thing` (a board's new note, an edit of one note, the console's announcement; null:
 * none kept) and how to change it; null forgets it (sent, saved, given up). Kept for the person
 * the page is for (lib/realtime/client/kept.ts): a phone or laptop is often shared, and the next
 * person on it never sees the last one's words. Read during hydration as "none", so the server's
 * page and the first render agree.
 */
export function useDraft(thing: string) {
  const key = keptKey(useKeeper(), `draft.${thing}`);
  const subscribe = useCallback(
    (changed: () => void) => {
      const set = watchers.get(key) ?? new Set();
      watchers.set(key, set);
      set.add(changed);
      return () => {
        set.delete(changed);
        if (set.size === 0) watchers.delete(key);
      };
    },
    [key],
  );
  const text = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const keep = useCallback((value: string | null) => write(key, value), [key]);
  return [text, keep] as const;
}
