/**
 * A board's words as a screen shows them: where the server marked a title or column as still its
 * template's own words (lib/boards/template-marks.ts), those words in the reader's language;
 * everything staff typed, as typed. Pure, for the browser and unit tests.
 */
import type { BoardView } from "@/lib/realtime/contract-boards";

/** The reader's `templates` messages (next-intl's `useTranslations("templates")`). */
export type TemplateWords = { (key: string): string; has: (key: string) => boolean };

const inWords = (words: string, key: string | undefined, t: TemplateWords) => (key && t.has(key) ? t(key) : words);

/** A board's (or a listing's) title in the reader's words. */
export function titleInWords(board: { title: string; titleKey?: string }, t: TemplateWords): string {
  return inWords(board.title, board.titleKey, t);
}

/** The board with its unedited template words in the reader's language. */
export function boardInWords(board: BoardView, t: TemplateWords): BoardView {
  if (!board.titleKey && !board.columns.some((c) => c.wordsKey)) return board;
  return {
    ...board,
    title: titleInWords(board, t),
    columns: board.columns.map((c) => (c.wordsKey ? { ...c, title: inWords(c.title, c.wordsKey, t) } : c)),
  };
}
