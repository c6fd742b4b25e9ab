/**
 * How many lines a note's or a heading's text takes on the projector, estimated without a
 * browser, so the wall's layout (./wall-layout.ts) gives a long note the lines it needs rather
 * than cutting it above empty space.
 *
 * Wall text is weight 600 in the app's font stack; a screen without Inter or Segoe UI falls back
 * to its system face, and the widest of those, DejaVu Sans Bold (Linux, Chromium's kiosk boxes),
 * sets the figures: measured in Chromium, running English, Polish, French, Spanish and Portuguese
 * averages 0.53–0.61 em a character with its spaces, a short word of wide letters ("remontów",
 * "MORE") 0.7. Each character is counted by its shape (below), and lines break where the browser
 * breaks them: at spaces and after a hyphen, dash or slash, never at a no-break space; a word too
 * long for a line is cut anywhere (the wall's text has `overflow-wrap: anywhere`). Checked against
 * Chromium's own line breaks for 40 notes in five languages at widths of 5 to 24 em
 * (./wall-text.test.ts): never fewer lines than drawn, one more in about a fifth of cases; a little
 * generous is better than a note cut short.
 */

/** Widths in em, rounded up from DejaVu Sans Bold's: i, l, ł 0.34–0.37; f, t, r 0.44–0.49; most letters 0.6–0.72; capitals to 0.85; m, w, W to 1.1. */
const em = { thin: 0.4, narrow: 0.5, letter: 0.72, capital: 0.85, wide: 1.1, pictograph: 1.25, space: 0.35 };

const thin = /[ijlIJł'’‘.,:;|!·]/;
const narrow = /[ftr\-()/[\]"“”«»–]/;
const wide = /[mwMWœæŒÆ—%@…]/;
const capital = /\p{Lu}/u;
const pictograph = /[\p{Extended_Pictographic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function characterEm(character: string): number {
  // An accented letter is as wide as its base letter (é as e, Ł as L).
  const base = character.normalize("NFD")[0] ?? character;
  if (thin.test(base)) return em.thin;
  if (narrow.test(base)) return em.narrow;
  if (wide.test(base)) return em.wide;
  if (capital.test(base)) return em.capital;
  if (pictograph.test(base)) return em.pictograph;
  return em.letter;
}

/** A text as the places a line may break it: the width of each piece, in em, and whether a space comes before it. */
export type MeasuredText = readonly { width: number; afterSpace: boolean }[];

/** Breaks between words (not at a no-break space), and after a hyphen, a dash or a slash inside one. */
export function measureText(text: string): MeasuredText {
  const out: { width: number; afterSpace: boolean }[] = [];
  for (const word of text.split(/[^\S\u00a0\u202f\u2007\u2060]+/).filter(Boolean)) {
    const parts = word.match(/[^-/\u2013\u2014]*[-/\u2013\u2014]*/g)?.filter(Boolean) ?? [word];
    parts.forEach((part, index) => {
      out.push({ width: [...part].reduce((sum, c) => sum + characterEm(c), 0), afterSpace: index === 0 });
    });
  }
  return out;
}

/** The lines a measured text takes in a box `widthPx` wide at `fontPx`, wrapped as the browser wraps it (at least one). */
export function linesOf(text: MeasuredText, widthPx: number, fontPx: number): number {
  const width = widthPx / fontPx;
  if (width <= 0) return Number.POSITIVE_INFINITY;
  let lines = 0;
  let used = 0;
  for (const piece of text) {
    const gap = piece.afterSpace ? em.space : 0;
    if (lines > 0 && used + gap + piece.width <= width) {
      used += gap + piece.width;
      continue;
    }
    const taken = Math.max(1, Math.ceil(piece.width / width));
    lines += taken;
    used = piece.width - (taken - 1) * width;
  }
  return Math.max(1, lines);
}

export const textLines = (text: string, widthPx: number, fontPx: number) => linesOf(measureText(text), widthPx, fontPx);

/**
 * The width of a typical note's character, spaces included, in em, for sizing cards before the
 * notes are known ("room for 60 characters"): the widest running text measured, 0.61.
 */
export const typicalCharacterEm = 0.62;
