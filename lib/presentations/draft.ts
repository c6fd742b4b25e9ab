/**
 * A showcase being typed on a phone: the fields changed here and not yet confirmed by the server.
 * They are kept in localStorage, so a reload (or a dead battery) mid-sentence loses nothing, and
 * they win over what the server last said until the server confirms them.
 */
import type { ShowcaseLink } from "@/lib/realtime/contract-presentations";

export type ShowcaseFields = {
  title: string;
  summary: string;
  made: string;
  learned: string;
  links: ShowcaseLink[];
  imageIds: string[];
  nextSteps: string;
  takenForwardBy: string;
  needs: string;
};

export type Dirty = Partial<ShowcaseFields>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What the editor shows: the server's showcase with my unconfirmed changes on top. */
export const withDraft = (server: ShowcaseFields, dirty: Dirty): ShowcaseFields => ({ ...server, ...dirty });

/** After the server confirmed `sent`, the fields still dirty: those changed again since. */
export function settle(dirty: Dirty, sent: Dirty): Dirty {
  const next: Dirty = { ...dirty };
  for (const key of Object.keys(sent) as (keyof ShowcaseFields)[]) {
    if (same(next[key], sent[key])) delete next[key];
  }
  return next;
}

/** `key`: where the draft is kept, for one team's showcase and the person writing it (lib/realtime/client/kept.ts). */
export function readDraft(storage: Pick<Storage, "getItem"> | null, key: string): Dirty {
  try {
    const raw = storage?.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Dirty) : {};
  } catch {
    return {};
  }
}

export function writeDraft(storage: Pick<Storage, "setItem" | "removeItem"> | null, key: string, dirty: Dirty) {
  try {
    if (Object.keys(dirty).length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(dirty));
  } catch {
    // storage full or blocked: the text still lives in the page and in the outbox
  }
}

/** The contract's rule for a link's address, here so a phone can say so before sending. */
export const linkLooksRight = (url: string) => url.trim() === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(url.trim());

/**
 * What to send now: everything dirty, except links while one of them is half typed, so a link
 * being written never holds back the rest of the showcase.
 */
export function sendable(dirty: Dirty): Dirty {
  if (!dirty.links || dirty.links.every((l) => linkLooksRight(l.url))) return dirty;
  const { links: _, ...rest } = dirty;
  return rest;
}
