/**
 * Markdown the parser would take seconds over, or overflow the stack on. micromark's work grows
 * with the square of some shapes of text: long runs of emphasis and bracket delimiters, thousands
 * of them, containers nested hundreds deep on one line or by indentation, thousands of setext
 * underlines. A brief's background is drawn on every request of a public page, so one such text
 * would stop every room in the process each time a stranger reloads it. Such a text is shown as
 * it was typed instead (nothing is lost); no brief a person writes comes near these bounds.
 */
export const markdownBounds = {
  /** `*`, `_`, `[` and `]` in a row. */
  delimiterRun: 32,
  /** `*` and `_` in the whole text. */
  emphasis: 2000,
  /** `[` in the whole text: a link each, or an image, or a footnote. */
  brackets: 1000,
  /** Block quotes and list items opened on one line. */
  nesting: 8,
  /** Spaces and tabs before a line's first character. */
  indent: 64,
  /** Lines of only `=` or only `-` (setext underlines, thematic breaks). */
  underlines: 200,
} as const;

const container = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const underline = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** True when `text` has a shape the markdown parser is slow on (see above). */
export function markdownHazard(text: string): boolean {
  let run = 0;
  let emphasis = 0;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // * _ [ ]
    const emph = c === 42 || c === 95;
    if (emph) emphasis++;
    if (c === 91) brackets++;
    run = emph || c === 91 || c === 93 ? run + 1 : 0;
    if (run > markdownBounds.delimiterRun) return true;
  }
  if (emphasis > markdownBounds.emphasis || brackets > markdownBounds.brackets) return true;
  let underlines = 0;
  for (const line of text.split("\n")) {
    if (/^[ \t]*/.exec(line)![0].length > markdownBounds.indent) return true;
    if (underline.test(line) && ++underlines > markdownBounds.underlines) return true;
    let rest = line;
    let depth = 0;
    for (let m = container.exec(rest); m; m = container.exec(rest)) {
      if (++depth > markdownBounds.nesting) return true;
      rest = rest.slice(m[0].length);
    }
  }
  return false;
}
