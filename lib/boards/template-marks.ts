import { messagesFor } from "@/lib/i18n/catalogue";
import { allLocales } from "@/lib/i18n/locales";
import { peoplesChoiceTitle } from "@/lib/presentations/peoples-choice-board";
import type { BoardColumn } from "./templates";
import { type BoardTemplate, boardTemplates } from "./templates";

/**
 * Which of a board's words are still its template's own. A board keeps the words of its event's
 * language when it is made; a screen shows a marked title or column in its reader's language
 * instead (`templates.<key>`), and anything staff typed or edited as typed. Derived each time a
 * board is sent, so nothing is migrated and an edit unmarks itself.
 */
export type MarkedColumn = BoardColumn & { wordsKey?: string };

let known: Map<string, Set<string>> | null = null;

/** Every locale's words for each template key ("welcome.columns.hello"), read once. */
function wordsByKey(): Map<string, Set<string>> {
  if (known) return known;
  const map = new Map<string, Set<string>>();
  const add = (key: string, words: unknown) => {
    if (typeof words !== "string") return;
    const set = map.get(key) ?? new Set<string>();
    set.add(words);
    map.set(key, set);
  };
  for (const { code } of allLocales) {
    const templates = messagesFor(code).templates;
    if (typeof templates !== "object") continue;
    for (const [template, { columns }] of Object.entries(boardTemplates)) {
      const own = templates[template];
      if (typeof own !== "object") continue;
      add(`${template}.name`, own.name);
      const words = own.columns;
      for (const column of columns) add(`${template}.columns.${column}`, typeof words === "object" ? words[column] : undefined);
    }
  }
  known = map;
  return map;
}

/**
 * The template whose words a board's are compared with. Every event's welcome wall is stored as a
 * blank board (lib/events/create-event.ts), so a blank board is compared with the welcome wall's
 * words: a blank board's own typed columns get slugs of their titles as keys, never "hello" or
 * "skills" with the welcome prompts' words.
 */
function wordsTemplate(template: string): BoardTemplate | null {
  if (template === "blank") return "welcome";
  return Object.hasOwn(boardTemplates, template) ? (template as BoardTemplate) : null;
}

/** The key of `words` if they are, in any language, what the template says for it; else none. */
function keyIfOwn(key: string, words: string): string | undefined {
  return wordsByKey().get(key)?.has(words) ? key : undefined;
}

/** The board title's template key, if the title is still the template's name in some language. */
export function templateTitleKey(template: string, title: string): string | undefined {
  // The people's choice board is made under this one English title (./peoples-choice-board.ts, which
  // finds it by it): screens name it in their reader's language.
  if (template === "blank" && title === peoplesChoiceTitle) return "peoplesChoice.name";
  const words = wordsTemplate(template);
  return words ? keyIfOwn(`${words}.name`, title) : undefined;
}

/** The board's columns, each still worded as its template's prompt marked with that prompt's key. */
export function markTemplateColumns(template: string, columns: readonly BoardColumn[]): MarkedColumn[] {
  const words = wordsTemplate(template);
  if (!words) return [...columns];
  const own: readonly string[] = boardTemplates[words].columns;
  return columns.map((c) => {
    const wordsKey = own.includes(c.key) ? keyIfOwn(`${words}.columns.${c.key}`, c.title) : undefined;
    return wordsKey ? { ...c, wordsKey } : c;
  });
}

/** `{ titleKey }` for a board (or listing) whose title is still its template's name; `{}` otherwise. */
export function withTitleKey(board: { template: string; title: string }): { titleKey?: string } {
  const titleKey = templateTitleKey(board.template, board.title);
  return titleKey ? { titleKey } : {};
}
