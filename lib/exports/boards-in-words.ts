import { markTemplateColumns, withTitleKey } from "@/lib/boards/template-marks";
import { translator } from "@/lib/i18n/translator";
import type { EventExport } from "./export-schema";

/**
 * The event's record with each board's template words (a title or a column's prompt nobody
 * edited, "Welcome wall", "People's choice") in `locale`, as the console and the big screen show
 * them (lib/boards/board-words.ts); what staff typed stays as typed. For the organiser's review
 * and the Markdown report, which read the record, not the live boards.
 */
export function exportInWords(data: EventExport, locale: string): EventExport {
  const t = translator(locale, "templates");
  const titleOf = boardTitleIn(locale);
  return {
    ...data,
    boards: data.boards.map((board) => ({
      ...board,
      title: titleOf(board),
      columns: markTemplateColumns(board.template, board.columns).map(({ wordsKey, ...column }) =>
        wordsKey ? { ...column, title: t(wordsKey) } : column,
      ),
    })),
  };
}

/**
 * A board's title as a reader of `locale` sees it on screen: a template's name nobody edited
 * ("Welcome wall") in their words, a typed one as typed. For records that name boards one by one,
 * such as a participant's own download.
 */
export function boardTitleIn(locale: string): (board: { template: string; title: string }) => string {
  const t = translator(locale, "templates");
  return (board) => {
    const { titleKey } = withTitleKey(board);
    return titleKey ? t(titleKey) : board.title;
  };
}
