import { describe, expect, it } from "vitest";
import { type Messages, messagesFor } from "./catalogue";
import { allLocales, defaultLocale } from "./locales";

/**
 * "Staff" (the people running an event) is one word in each language, wherever it shows: a
 * note's author on the review page and the console, the report, the presence list. Two words
 * read as two groups of people.
 */
const at = (messages: Messages, key: string): string => {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no message ${key}`);
  return node;
};

const staffLabels = ["report.words.staff", "notes.writtenNames.staff", "console.console.here.staff"];
const staffInReview = "review.board.noteBy";

function leaves(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe("the word for staff", () => {
  it.each(allLocales.filter((l) => !l.pseudo).map((l) => l.code))("is one word in %s", (locale) => {
    const messages = messagesFor(locale);
    const words = new Set(staffLabels.map((key) => at(messages, key)));
    expect([...words]).toHaveLength(1);
    expect(at(messages, staffInReview)).toContain(`staff {${[...words][0]}}`);
  });

  it("in Polish is never 'zespół', which is a team of participants", () => {
    const english = new Map(leaves(messagesFor(defaultLocale)));
    const aboutStaff = leaves(messagesFor("pl")).filter(([key]) => /\bstaff\b/i.test(english.get(key) ?? ""));
    expect(aboutStaff.length).toBeGreaterThan(10);
    expect(aboutStaff.filter(([, text]) => /zesp[oó]ł/i.test(text))).toEqual([]);
  });
});
