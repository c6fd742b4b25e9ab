/**
 * The one registry of board templates: key (stored with the board, checked by the contract),
 * name, the label a facilitator chooses it by (null: not offered, e.g. the welcome wall every
 * event starts with) and its columns (prompts). A new template is one entry here.
 */
export const boardTemplates = {
  ideas: { name: "Ideas", label: "Ideas", columns: ["Ideas"] },
  journey: {
    name: "Service journey",
    label: "Service journey: magic and miserable moments",
    columns: ["Magic moments", "Miserable moments"],
  },
  learning: {
    name: "What we learned",
    label: "Questions · What we learned · What next",
    columns: ["Questions", "What we learned", "What next"],
  },
  postcards: { name: "Postcards from the future", label: "Postcards from the future", columns: ["Postcards from the future"] },
  /** Notes pinned at points of an uploaded image, e.g. a map of the area. */
  map: { name: "Map", label: "Map: notes pinned on an image you upload", columns: ["On the map"] },
  blank: { name: "Blank board", label: "Blank, with my own columns", columns: [] as string[] },
  welcome: { name: "Welcome wall", label: null, columns: ["What brings you here?", "What I can bring"] },
} as const;

export type BoardTemplate = keyof typeof boardTemplates;
export const boardTemplateKeys = Object.keys(boardTemplates) as [BoardTemplate, ...BoardTemplate[]];

/** The templates a facilitator chooses from, in the order they are offered. */
export const offeredTemplates = boardTemplateKeys.flatMap((key) => {
  const label = boardTemplates[key].label;
  return label === null ? [] : [{ key, label }];
});

export type BoardColumn = { key: string; title: string };

/** Column keys are stable slugs of the titles, unique within the board. */
export function columnsFor(template: BoardTemplate, customTitles: string[] = []): BoardColumn[] {
  const titles = template === "blank" ? customTitles : [...boardTemplates[template].columns];
  const used = new Set<string>();
  return titles.map((title) => {
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
