import { createTranslator } from "use-intl/core";
import { type Messages, messagesFor } from "./catalogue";
import { defaultLocale } from "./locales";

/**
 * What the server says (a command refused, a payload rejected, a socket cut off), in the
 * language of the person it says it to. Runs outside React: on the socket server and in
 * server actions alike.
 *
 * The server's code keeps writing its messages in English, and `messages/en-GB/errors.json`
 * holds those same sentences under keys: the English sentence is the message's id, as in
 * gettext. `{placeholders}` in the English stand for the parts that vary (a number, a name),
 * and `{what}` for a field's name listed under `fields`. A number may be written with thousands
 * separators or a decimal point ("2,000", "10.5"): it is read as a number, so the translation
 * writes it the way its language does: in a plural's `#`, or as `{max, number}` (a plain `{max}`
 * prints the bare digits, "2000" in English too). `{reason}`, `{thing}`, `{problem}`, `{where}` and `{kind}`
 * stand for a smaller message of this catalogue (a file check's message inside an import's, say),
 * which is said in the same language. So an English message the catalogue
 * knows is recognised wherever it comes from (a handler, a zod schema shared with the client,
 * a rule in lib/) and said in another language at the one place a reply leaves the server;
 * one it does not know stays English. lib/i18n/server-text.test.ts checks that every refusal
 * and schema message the code writes is known, so a new or reworded one is not missed.
 */

/** A recognised message: its key under `errors` and the values of its placeholders. */
export type Said = { key: string; values?: Record<string, string | number | Said> };

type Template = { key: string; pattern: RegExp; names: string[]; literal: number };
type Index = { exact: Map<string, string>; templates: Template[]; fields: Map<string, string> };

const namespace = "errors";
let index: Index | null = null;

function leaves(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Placeholders that stand for any text: a person's words, a name, a path in a file. */
const textPlaceholders = new Set(["name", "phase", "title", "line", "version"]);
/** Placeholders that stand for another message of the catalogue, said in the same language. */
const nestedPlaceholders = new Set(["what", "reason", "thing", "problem", "where", "kind"]);
/** "2,000", "10.5", "12": a number as English writes it. */
const numberPattern = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

function placeholderPattern(name: string): string {
  if (nestedPlaceholders.has(name)) return ".+?";
  if (textPlaceholders.has(name)) return ".+";
  // A path inside a file ("files/ab12.jpg", "notes › text"): never brackets or quotes, so it cannot swallow a name's.
  if (name === "path") return '[^()"]+';
  return numberPattern;
}

/** The English catalogue, read once per process: exact sentences, sentences with placeholders, field names. */
function english(): Index {
  if (index) return index;
  const all = messagesFor(defaultLocale)[namespace];
  const built: Index = { exact: new Map(), templates: [], fields: new Map() };
  for (const [key, text] of leaves(typeof all === "object" ? all : {})) {
    if (key.startsWith("fields.")) {
      built.fields.set(text, key);
      continue;
    }
    const names: string[] = [];
    const source = text
      .split(/(\{[A-Za-z]+\})/)
      .map((part) => {
        const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        if (names.includes(name)) return `\\k<${name}>`;
        names.push(name);
        return `(?<${name}>${placeholderPattern(name)})`;
      })
      .join("");
    if (names.length === 0) built.exact.set(text, key);
    else
      built.templates.push({
        key,
        pattern: new RegExp(`^${source}$`, "s"),
        names,
        literal: text.replace(/\{[A-Za-z]+\}/g, "").length,
      });
  }
  // The most specific first: "Keep your name to {max}…" before anything looser that also fits.
  built.templates.sort((a, b) => b.literal - a.literal);
  if (process.env.NODE_ENV === "production") index = built;
  return built;
}

/** The key and values of an English message the catalogue knows, or null. */
export function recognise(message: string, depth = 0): Said | null {
  const { exact, templates, fields } = english();
  const key = exact.get(message);
  if (key) return { key };
  // A message inside a message inside a message is as deep as the code writes them.
  if (depth > 3) return null;
  for (const template of templates) {
    const found = template.pattern.exec(message)?.groups;
    if (!found) continue;
    const values: Record<string, string | number | Said> = {};
    let known = true;
    for (const name of template.names) {
      const value = found[name] ?? "";
      if (name === "what") {
        const field = fields.get(value);
        if (!field) known = false;
        else values[name] = { key: field };
      } else if (nestedPlaceholders.has(name)) {
        const inner = recognise(value, depth + 1);
        if (!inner) known = false;
        else values[name] = inner;
      } else if (textPlaceholders.has(name) || name === "path") values[name] = value;
      else values[name] = Number(value.replaceAll(",", ""));
      if (!known) break;
    }
    if (known) return { key: template.key, values };
  }
  return null;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
const translators = new Map<string, { t: Translate; failed: () => boolean; reset: () => void }>();

function translatorFor(locale: string) {
  const cached = translators.get(locale);
  if (cached) return cached;
  let failed = false;
  const t = createTranslator({
    locale,
    messages: messagesFor(locale) as Record<string, Messages>,
    namespace,
    onError: () => {
      failed = true;
    },
  }) as unknown as Translate;
  const made = {
    t,
    failed: () => failed,
    reset: () => {
      failed = false;
    },
  };
  if (process.env.NODE_ENV === "production") translators.set(locale, made);
  return made;
}

/** A recognised message in `locale`; English if that language cannot say it, the key if nothing can. */
export function say(locale: string, said: Said): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.values ?? {})) {
    values[name] = typeof value === "object" ? say(locale, value) : value;
  }
  const { t, failed, reset } = translatorFor(locale);
  reset();
  const text = t(said.key, values);
  if (!failed()) return text;
  return locale === defaultLocale ? said.key : say(defaultLocale, said);
}

/** An English message from the server, in `locale` when the catalogue knows it; otherwise unchanged. */
export function localise(message: string, locale: string): string {
  if (locale === defaultLocale) return message;
  const said = recognise(message);
  return said ? say(locale, said) : message;
}

/** A message under `errors` by key, e.g. `server.slowDown`, in `locale`. */
export function sayKey(locale: string, key: string, values?: Said["values"]): string {
  return say(locale, { key, values });
}
