/**
 * The one registry of board templates: key (stored with the board, checked by the contract),
 * whether a facilitator is offered it (not the welcome wall every event starts with) and the
 * keys of its columns (prompts). A template's words, its columns' titles
 * included, are in messages/<language>/templates.json; a board takes them in its event's
 * language when it is made (lib/boards/template-words.ts). A new template is one entry here
 * and one in each templates.json.
 */
export const boardTemplates = {
  ideas: { offered: true, columns: ["ideas"] },
  journey: { offered: true, columns: ["magic-moments", "miserable-moments"] },
  learning: { offered: true, columns: ["questions", "what-we-learned", "what-next"] },
  postcards: { offered: true, columns: ["postcards-from-the-future"] },
  /** Notes pinned at points of an uploaded image, e.g. a map of the area. */
  map: { offered: true, columns: ["on-the-map"] },
  blank: { offered: true, columns: [] as string[] },
  welcome: { offered: false, columns: ["hello", "skills"] },
} as const;

export type BoardTemplate = keyof typeof boardTemplates;
export const boardTemplateKeys = Object.keys(boardTemplates) as [BoardTemplate, ...BoardTemplate[]];

/** The templates a facilitator chooses from, in the order they are offered. */
export const offeredTemplates = boardTemplateKeys.filter((key) => boardTemplates[key].offered).map((key) => ({ key }));

export type BoardColumn = { key: string; title: string };

/** A blank board's own columns: keys are stable slugs of the titles, unique within the board. */
export function columnsFor(customTitles: string[]): BoardColumn[] {
  const used = new Set<string>();
  return customTitles.map((title) => {
    const base =
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 30) || "column";
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return { key, title };
  });
}
