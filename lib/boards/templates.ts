/** The boards a facilitator can start from; each is a set of columns (prompts). */
export const boardTemplates = {
  ideas: { name: "Ideas", columns: ["Ideas"] },
  journey: { name: "Service journey", columns: ["Magic moments", "Miserable moments"] },
  learning: { name: "What we learned", columns: ["Questions", "What we learned", "What next"] },
  postcards: { name: "Postcards from the future", columns: ["Postcards from the future"] },
  welcome: { name: "Welcome wall", columns: ["What brings you here?", "What I can bring"] },
  blank: { name: "Blank board", columns: [] as string[] },
  /** Notes pinned at points of an uploaded image, e.g. a map of the area. */
  map: { name: "Map", columns: ["On the map"] },
} as const;

export type BoardTemplate = keyof typeof boardTemplates;
export const boardTemplateNames = Object.keys(boardTemplates) as BoardTemplate[];

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
