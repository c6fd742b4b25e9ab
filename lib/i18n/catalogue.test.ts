import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { type Messages, messagesFor, ownMessages } from "./catalogue";
import { allLocales, defaultLocale } from "./locales";

function leaves(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The placeholders and tags a message uses: a translation must use the same ones. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const english = leaves(ownMessages(defaultLocale));
const shipped = allLocales.filter((l) => !l.pseudo && l.code !== defaultLocale);
// Easy read is its own message set for everything participants see; the staff's own pages may stay in plain English.
const staffOnlyNamespaces = new Set([
  "account",
  "activity",
  "console",
  "organiser",
  "organiser-briefs",
  "presentations-console",
  "projects",
  "report",
  "review",
  "screen",
  "staff",
  "wall",
]);

describe("message catalogues", () => {
  it("English has messages", () => {
    expect(english.size).toBeGreaterThan(0);
  });

  for (const [key, message] of english) {
    it(`en-GB ${key} is valid ICU`, () => {
      expect(() => parse(message)).not.toThrow();
    });
  }

  for (const locale of shipped) {
    describe(locale.name, () => {
      const own = leaves(ownMessages(locale.code));
      const required = [...english.keys()].filter((key) => !locale.fallback || !staffOnlyNamespaces.has(key.split(".")[0] ?? ""));

      it("has every key English has", () => {
        expect(required.filter((key) => !own.has(key))).toEqual([]);
      });

      it("has no key English lacks (a typo would never show)", () => {
        expect([...own.keys()].filter((key) => !english.has(key))).toEqual([]);
      });

      it("is valid ICU with the same placeholders as English", () => {
        const problems: string[] = [];
        for (const [key, message] of own) {
          const source = english.get(key);
          if (source === undefined) continue;
          try {
            const mine = [...argumentsOf(parse(message))].sort();
            const theirs = [...argumentsOf(parse(source))].sort();
            // A translation may drop a plural's number ("un" for "1") but never invent a placeholder.
            const invented = mine.filter((a) => !theirs.includes(a));
            if (invented.length > 0) problems.push(`${key}: unknown ${invented.join(", ")}`);
          } catch (e) {
            problems.push(`${key}: ${(e as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
      });

      if (locale.code === "fr") {
        it("follows French typography: ’ for an apostrophe, a no-break space before : ; ? ! » and after «", () => {
          // Only between letters: ICU's own quoting ('{') is not an apostrophe.
          const wrong = [...own].filter(([, m]) => /\p{L}'\p{L}|[ \t][:;?!»]|«[ \t]/u.test(m)).map(([key]) => key);
          expect(wrong).toEqual([]);
        });
      }

      it("falls back to English, never to a key name", () => {
        const merged = leaves(messagesFor(locale.code));
        expect([...english.keys()].filter((key) => !merged.has(key))).toEqual([]);
      });
    });
  }
});
