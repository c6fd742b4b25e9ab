import { translator } from "@/lib/i18n/translator";
import { type BoardColumn, type BoardTemplate, boardTemplates, columnsFor } from "./templates";

/**
 * A new board's columns: a template's prompts in the event's language (the words everyone in
 * the room reads on the wall), or a blank board's own titles as typed. Keys are the same in
 * every language.
 */
export function templateColumns(template: BoardTemplate, language: string, customTitles: string[] = []): BoardColumn[] {
  if (template === "blank") return columnsFor(customTitles);
  const t = translator(language, "templates");
  return boardTemplates[template].columns.map((key) => ({ key, title: t(`${template}.columns.${key}`) }));
}

/** The title of a board made from a template, e.g. the welcome wall every event starts with. */
export function templateName(template: BoardTemplate, language: string): string {
  return translator(language, "templates")(`${template}.name`);
}
