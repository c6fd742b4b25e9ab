/**
 * Imports running in this process. Each reads, checks and writes a whole event: bounded, and
 * written a little at a time (import-event.ts), but still the heaviest work a form asks for. One
 * account imports one event at a time, and the process a few at once, so however many posts
 * arrive together, the room's own work is never queued behind a pile of imports.
 */
export const importsAtOnce = 2;

const running = new Set<string>();

export type ImportSlot = { ok: true; release: () => void } | { ok: false; busy: "yours" | "others" };

/** A place for this account's import, or why there is none now; `release` it when done, however it ends. */
export function takeImportSlot(accountId: string, limit = importsAtOnce): ImportSlot {
  if (running.has(accountId)) return { ok: false, busy: "yours" };
  if (running.size >= limit) return { ok: false, busy: "others" };
  running.add(accountId);
  let released = false;
  return {
    ok: true,
    release() {
      if (released) return;
      released = true;
      running.delete(accountId);
    },
  };
}
