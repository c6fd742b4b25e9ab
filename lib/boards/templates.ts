/**
 * The one registry of board templates: key (stored with the board, checked by the contract),
 * the label a facilitator chooses it by (null: not offered, e.g. the welcome wall every event
 * starts with) and the keys of its columns (prompts). A template's words, its columns' titles
 * included, are in messages/<language>/templates.json; a board takes them in its event's
 * language when it is made (lib/boards/template-words.ts). A new template is one entry here
 * and one in each templates.json.
 */
export const boardTemplates = {
  ideas: { label: "Ideas", columns: ["ideas"] },
  journey: { label: "Service journey: magic and miserable moments", columns: ["magic-moments", "miserable-moments"] },
  learning: { label: "Questions · What we learned · What next", columns: ["questions", "what-we-learned", "what-next"] },
  postcards: { label: "Postcards from the future", columns: ["postcards-from-the-future"] },
  /** Notes pinned at points of an uploaded image, e.g. a map of the area. */
  map: { label: "Map: notes pinned on an image you upload", columns: ["on-the-map"] },
  blank: { label: "Blank, with my own columns", columns: [] as string[] },
  welcome: { label: null, columns: ["hello", "skills"] },
} as const;

export type BoardTemplate = keyof typeof boardTemplates;
export const boardTemplateKeys = Object.keys(boardTemplates) as [BoardTemplate, ...BoardTemplate[]];

/** The templates a facilitator chooses from, in the order they are offered. */
export const offeredTemplates = boardTemplateKeys.flatMap((key) => {
  const label = boardTemplates[key].label;
  return label === null ? [] : [{ key, label }];
});

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
