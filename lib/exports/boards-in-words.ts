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
  return {
    ...data,
    boards: data.boards.map((board) => {
      const { titleKey } = withTitleKey(board);
      return {
        ...board,
        title: titleKey ? t(titleKey) : board.title,
        columns: markTemplateColumns(board.template, board.columns).map(({ wordsKey, ...column }) =>
          wordsKey ? { ...column, title: t(wordsKey) } : column,
        ),
      };
    }),
  };
}
