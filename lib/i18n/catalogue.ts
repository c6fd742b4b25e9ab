import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { allLocales, defaultLocale, pseudoLocale } from "./locales";
import { pseudoLocalise } from "./pseudo";

/** Nested messages as next-intl takes them: namespace → key → ICU message. */
export type Messages = { [key: string]: string | Messages };

const folder = () => path.join(process.cwd(), "messages");

/** One language's own messages, one JSON file per namespace: messages/<code>/<namespace>.json. */
export function ownMessages(code: string): Messages {
  const dir = path.join(folder(), code);
  if (!existsSync(dir)) return {};
  const messages: Messages = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Messages;
  }
  return messages;
}

/** `over` on top of `under`: a key missing from a translation shows its fallback, never its name. */
function layer(under: Messages, over: Messages): Messages {
  const out: Messages = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = typeof value === "object" && typeof below === "object" ? layer(below, value) : value;
  }
  return out;
}

function mapLeaves(messages: Messages, fn: (message: string) => string): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [key, typeof value === "string" ? fn(value) : mapLeaves(value, fn)]),
  );
}

const cache = new Map<string, Messages>();

/** Everything a page in `code` can say: its own messages over its fallback's, over English. */
export function messagesFor(code: string): Messages {
  const cached = cache.get(code);
  if (cached) return cached;
  let messages: Messages;
  if (code === pseudoLocale) {
    messages = mapLeaves(ownMessages(defaultLocale), pseudoLocalise);
  } else {
    const chain: string[] = [];
    for (let c: string | undefined = code; c && !chain.includes(c); c = allLocales.find((l) => l.code === c)?.fallback) {
      chain.unshift(c);
    }
    if (chain[0] !== defaultLocale) chain.unshift(defaultLocale);
    messages = chain.map(ownMessages).reduce(layer, {});
  }
  if (process.env.NODE_ENV === "production") cache.set(code, messages);
  return messages;
}

/**
 * Only the given namespaces or key paths ("phone.home"), nested as next-intl reads them: what a
 * page's client components use, no more (lib/i18n/areas.ts).
 */
export function pickPaths(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: string | Messages | undefined = messages;
    for (const k of keys) from = typeof from === "object" ? from[k] : undefined;
    if (from === undefined) continue;
    let into = out;
    for (const k of keys.slice(0, -1)) {
      // A copy: `into` may hold a subtree of the shared, cached catalogue (an earlier, wider path).
      const next = into[k];
      into = into[k] = typeof next === "object" ? { ...next } : {};
    }
    into[keys.at(-1)!] = from;
  }
  return out;
}
