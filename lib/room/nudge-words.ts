import { type TemplateWords, titleInWords } from "@/lib/boards/board-words";
import type { NudgeView } from "@/lib/realtime/contract";

/** A nudge as a phone shows it: a board's title still in its template's words, in the reader's language. */
export function nudgeInWords(nudge: NudgeView, t: TemplateWords): NudgeView {
  if (!nudge.boardTitleKey) return nudge;
  const inWords = (title: string) => titleInWords({ title, titleKey: nudge.boardTitleKey }, t);
  return {
    ...nudge,
    // A board's or a vote's nudge is titled with its board; a phase's with the phase's name.
    title: nudge.kind === "phase" ? nudge.title : inWords(nudge.title),
    boardTitle: nudge.boardTitle === null ? null : inWords(nudge.boardTitle),
  };
}
