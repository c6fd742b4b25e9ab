/**
 * How a board's notes are laid out on a projector: cards in a grid within each board column,
 * groups as framed clusters, sized from the number of notes and the screen so the whole board
 * fits; beyond what fits at the smallest legible size, the board is shown in pages.
 *
 * Why the smallest size is enough. A projector throws the same picture at any resolution, so
 * sizes are thought of as fractions of the screen, in the big screen's rem (16 px at 1920×1080,
 * 32 px at 4K: app/(big-screen)/s/[slug]/screen.css). The smallest note text is 1.25 rem, 20 px
 * at 1080p, 1/54 of the picture's height, and bold. On a 3 m wide screen a 1080p px is
 * 3000/1920 ≈ 1.6 mm, so the text is ≈ 31 mm tall (em), its capitals ≈ 22 mm. The rule of thumb
 * for projected text, text height ≥ viewing distance / 200, puts the last row that reads it at
 * 22 mm × 200 ≈ 4.4 m for capitals and 31 mm × 200 ≈ 6.2 m for the em; a 4 m screen (a hall of
 * 60–100 people) takes that to 6–8 m. Smaller than that, the back of a hall reads coloured
 * rectangles, so instead of shrinking further the board pages. At that size 100 notes in three
 * columns show about 18 characters each (two lines; the rest on the laptop and the phones).
 *
 * Pure: the wall measures its box and the root size, this decides; the tests pin the figures.
 */

import { linesOf, type MeasuredText, measureText, textLines, typicalCharacterEm } from "./wall-text";

/** The smallest note text on a projector, in rem (see above). */
export const projectorMinFontRem = 1.25;
/** The largest: a board of a few notes reads like a slide, not a poster. */
export const projectorMaxFontRem = 3;

/** A run of notes shown together: a group (framed, with its title) or consecutive ungrouped notes. */
export type WallSegment = { notes: number; grouped: boolean };
export type WallColumnShape = { segments: WallSegment[] };
/** A note's text, and whether a photo beside it (a square as tall as the text) narrows it. */
export type WallNoteText = { text: string; photo?: boolean };

export type WallLayoutInput = {
  columns: WallColumnShape[];
  /** The box the columns fill, in CSS px. */
  width: number;
  height: number;
  /** CSS px per rem on this screen. */
  rem: number;
  /** Whether cards carry a line under the text (author, dots). */
  meta: boolean;
  /** The notes as drawn: room the screen has to spare goes to showing the longest whole. */
  notes?: readonly WallNoteText[];
  /**
   * Each column's heading as drawn, its title and its count ("Magic moments (4)"): one too long
   * for its column wraps, or shrinks a little, and is never cut.
   */
  headings?: readonly string[];
};

/** Every size the wall draws, in px, derived from the note text's size. */
export type WallMetrics = {
  fontPx: number;
  lineHeight: number;
  lines: number;
  padY: number;
  padX: number;
  /** The author's and dots' line; 0 when the card has none. */
  metaPx: number;
  cardHeight: number;
  gap: number;
  columnGap: number;
  columnPad: number;
  /** The columns' headings: their text's size and the lines they take (the same in every column, so the cards line up). */
  headFontPx: number;
  headLines: number;
  headHeight: number;
  framePad: number;
  groupHeadHeight: number;
};

export type WallLayout = WallMetrics & {
  /** Cards side by side in each board column. */
  cardsAcross: number;
  cardWidth: number;
  /** Per board column, the [start, end) range of its notes (in display order) on each page. */
  columnPages: [number, number][][];
  pages: number;
};

const lineHeight = 1.2;

/** A column heading's size and lines; by default one line at the notes' size. */
type HeadFit = { fontPx: number; lines: number };

export function wallMetrics(fontPx: number, lines: number, meta: boolean, rem: number, head?: HeadFit): WallMetrics {
  const heading = head ?? { fontPx, lines: 1 };
  const padY = Math.round(fontPx * 0.25);
  const metaPx = meta ? Math.round(fontPx * 0.8) : 0;
  const textHeight = Math.ceil(lines * fontPx * lineHeight);
  const metaHeight = meta ? Math.ceil(metaPx * lineHeight) + Math.round(fontPx * 0.15) : 0;
  return {
    fontPx,
    lineHeight,
    lines,
    padY,
    padX: Math.round(fontPx * 0.45),
    metaPx,
    cardHeight: 2 * padY + textHeight + metaHeight,
    gap: Math.round(fontPx * 0.3),
    columnGap: Math.round(rem * 0.75),
    columnPad: Math.round(fontPx * 0.4),
    headFontPx: heading.fontPx,
    headLines: heading.lines,
    headHeight: Math.ceil(heading.lines * heading.fontPx * lineHeight) + Math.round(fontPx * 0.35),
    framePad: Math.round(fontPx * 0.25),
    groupHeadHeight: Math.ceil(fontPx * 0.85 * lineHeight) + Math.round(fontPx * 0.2),
  };
}

/** Chunks of `size` (the rows of a grid `size` cards across). */
function rowsOf(notes: number, across: number): number[] {
  const rows: number[] = [];
  for (let left = notes; left > 0; left -= across) rows.push(Math.min(across, left));
  return rows;
}

/**
 * Splits one column's notes into pages of at most `height` px, row by row; a group cut by a
 * page break shows its frame and title again on the next page, and a title never ends a page.
 */
export function pageColumn(segments: WallSegment[], across: number, m: WallMetrics, height: number): [number, number][] {
  const pages: [number, number][] = [];
  const inner = height - 2 * m.columnPad - m.headHeight;
  let start = 0;
  let index = 0;
  let used = 0;
  const breakPage = () => {
    pages.push([start, index]);
    start = index;
    used = 0;
  };
  for (const segment of segments) {
    let firstOnPage = true;
    for (const row of rowsOf(segment.notes, across)) {
      // A new block (a run or a group's frame) on a page starts after a gap; a group opens with its title.
      const opening = (used > 0 ? m.gap : 0) + (segment.grouped ? 2 * m.framePad + m.groupHeadHeight : 0);
      let need = firstOnPage ? opening + m.cardHeight : m.gap + m.cardHeight;
      if (used + need > inner && index > start) {
        breakPage();
        firstOnPage = true;
        need = (segment.grouped ? 2 * m.framePad + m.groupHeadHeight : 0) + m.cardHeight;
      }
      used += need;
      index += row;
      firstOnPage = false;
    }
  }
  if (index > start || pages.length === 0) pages.push([start, index]);
  return pages;
}

/** A card's room: lines enough for so many characters, or a fixed number of lines. */
type CardRoom = { chars: number } | number;

/** The lines a typical note of `chars` characters takes on a card this wide (./wall-text.ts). */
function linesNeeded(cardWidth: number, m: { fontPx: number; padX: number }, chars: number): number {
  const charsPerLine = Math.max(1, (cardWidth - 2 * m.padX) / (m.fontPx * typicalCharacterEm));
  return Math.ceil(chars / charsPerLine);
}

/** The lines a card shows: enough for `chars` characters, from 2 to 5. */
function linesFor(cardWidth: number, m: { fontPx: number; padX: number }, chars: number): number {
  return Math.min(5, Math.max(2, linesNeeded(cardWidth, m, chars)));
}

/** The most lines a card grows to for a long note when the board leaves room on the screen. */
const roomyLines = 8;
/** How far the text may shrink from the fitted size to show the longest note whole. */
const roomyShrink = 0.75;

type MeasuredNote = { text: MeasuredText; photo: boolean };

/**
 * Whether every note shows whole in `lines` lines on this layout's cards. A photo beside the text
 * is a square as tall as the text, at most a third of the card's width, and a gap
 * (app/live/note-card.tsx).
 */
function allWhole(notes: readonly MeasuredNote[], layout: WallMetrics & { cardWidth: number }, lines: number): boolean {
  const box = layout.cardWidth - 2 * layout.padX;
  const photo = Math.min(Math.ceil(lines * layout.fontPx * lineHeight), box / 3) + 0.4 * layout.fontPx;
  return notes.every((n) => linesOf(n.text, n.photo ? box - photo : box, layout.fontPx) <= lines);
}

/**
 * The fitted layout with taller cards, as long as the board still fits one screen, so every note
 * shows whole (within roomyLines): first at the fitted size, then at a size down to roomyShrink
 * of it; failing both, as many more lines as fit. A board of a few notes on a portrait screen, or
 * a short one on a projector, showed long notes cut above empty space. Boards whose notes all fit
 * their cards are drawn as before.
 */
function withRoomToSpare(input: WallLayoutInput, fitted: WallLayout, meta: boolean): WallLayout {
  const notes = (input.notes ?? []).map((n) => ({ text: measureText(n.text), photo: !!n.photo }));
  if (allWhole(notes, fitted, fitted.lines)) return fitted;
  const whole = (font: number) => {
    const probe = layoutAt(input, font, fitted.cardsAcross, fitted.lines, meta);
    for (let lines = fitted.lines; lines <= roomyLines; lines++) {
      if (!allWhole(notes, probe, lines)) continue;
      const layout = lines > fitted.lines ? layoutAt(input, font, fitted.cardsAcross, lines, meta) : probe;
      return layout.pages === 1 ? layout : null;
    }
    return null;
  };
  const smallest = Math.max(Math.round(projectorMinFontRem * input.rem), Math.ceil(fitted.fontPx * roomyShrink));
  for (let font = fitted.fontPx; font >= smallest; font--) {
    const layout = whole(font);
    if (layout) return layout;
  }
  let best = fitted;
  for (let lines = fitted.lines + 1; lines <= roomyLines; lines++) {
    const taller = layoutAt(input, fitted.fontPx, fitted.cardsAcross, lines, meta);
    if (taller.pages !== 1) break;
    best = taller;
  }
  return best;
}

/** How far a heading may shrink from the notes' size to take two lines rather than more. */
const headShrink = 0.7;

/**
 * The headings' size and lines in a column `width` px wide: the notes' size on one or two lines;
 * shrunk (to headShrink of it, never below the smallest legible size) only when that is not
 * enough; failing that, as many lines as the longest needs. Never an ellipsis: a title cut to
 * "Magic mom…" hid the column's name and its count.
 */
function headFit(headings: readonly string[], width: number, fontPx: number, rem: number): HeadFit {
  const linesAt = (font: number) => Math.max(1, ...headings.map((h) => textLines(h, width, font)));
  const smallest = Math.min(fontPx, Math.max(Math.round(projectorMinFontRem * rem), Math.ceil(fontPx * headShrink)));
  for (let font = fontPx; font >= smallest; font--) {
    const lines = linesAt(font);
    if (lines <= 2) return { fontPx: font, lines };
  }
  return { fontPx: smallest, lines: linesAt(smallest) };
}

function layoutAt(input: WallLayoutInput, fontPx: number, across: number, lines: CardRoom, meta: boolean): WallLayout {
  const columns = Math.max(1, input.columns.length);
  const probe = wallMetrics(fontPx, 2, meta, input.rem);
  const columnWidth = (input.width - (columns - 1) * probe.columnGap) / columns;
  const head = headFit(input.headings ?? [], columnWidth - 2 * probe.columnPad, fontPx, input.rem);
  // Inside a group's frame the cards are a little narrower; the count across stays the same.
  const inner = columnWidth - 2 * probe.columnPad - 2 * probe.framePad;
  const cardWidth = Math.floor((inner - (across - 1) * probe.gap) / across);
  const m = wallMetrics(
    fontPx,
    typeof lines === "number" ? lines : linesFor(cardWidth, probe, lines.chars),
    meta,
    input.rem,
    head,
  );
  const columnPages = input.columns.map((c) => pageColumn(c.segments, across, m, input.height));
  return { ...m, cardsAcross: across, cardWidth, columnPages, pages: Math.max(1, ...columnPages.map((p) => p.length)) };
}

/** How many cards side by side a column can take at this size: from wide cards (~16 characters a line) to narrow ones (~11). */
function acrossRange(input: WallLayoutInput, fontPx: number): [number, number] {
  const probe = wallMetrics(fontPx, 2, false, input.rem);
  const columns = Math.max(1, input.columns.length);
  const inner = (input.width - (columns - 1) * probe.columnGap) / columns - 2 * probe.columnPad - 2 * probe.framePad;
  const cardsAcross = (width: number) => Math.max(1, Math.floor((inner + probe.gap) / (width + probe.gap)));
  return [cardsAcross(fontPx * 8.5), cardsAcross(fontPx * 6)];
}

/**
 * The biggest text at which the whole board fits one screen: first with room for a typical
 * note (about 60 characters) and its author, then for a short idea whole (about 36: "A notice
 * board for swaps" rather than "A notice…", which a smaller font is worth), then with two lines,
 * then the same without authors (the dots stay, `metaRequired`); if nothing fits at the smallest
 * size, pages at that size.
 */
export function projectorWallLayout(input: WallLayoutInput & { metaRequired?: boolean }): WallLayout {
  const min = Math.round(projectorMinFontRem * input.rem);
  const max = Math.max(min, Math.round(projectorMaxFontRem * input.rem));
  const rooms: CardRoom[] = [{ chars: 60 }, { chars: 36 }, 2];
  const passes: [CardRoom, boolean][] = rooms.map((room) => [room, input.meta]);
  if (input.meta && !input.metaRequired) passes.push(...rooms.map((room): [CardRoom, boolean] => [room, false]));
  for (const [lines, meta] of passes) {
    for (let font = max; font >= min; font--) {
      const [wide, narrow] = acrossRange(input, font);
      for (let across = wide; across <= narrow; across++) {
        const layout = layoutAt(input, font, across, lines, meta);
        if (layout.pages === 1) return withRoomToSpare(input, layout, meta);
      }
    }
  }
  const [wide] = acrossRange(input, min);
  return layoutAt(input, min, wide, { chars: 60 }, input.meta && !!input.metaRequired);
}

/** Display order of a column's notes: each group's notes together where its first note is, as segments. */
export function segmentsInOrder<N extends { groupId: string | null }>(
  notes: readonly N[],
): { groupId: string | null; notes: N[] }[] {
  const segments: { groupId: string | null; notes: N[] }[] = [];
  const byGroup = new Map<string, { groupId: string | null; notes: N[] }>();
  for (const n of notes) {
    const existing = n.groupId ? byGroup.get(n.groupId) : undefined;
    const last = segments[segments.length - 1];
    if (existing) existing.notes.push(n);
    else if (!n.groupId && last && last.groupId === null) last.notes.push(n);
    else {
      const segment = { groupId: n.groupId, notes: [n] };
      if (n.groupId) byGroup.set(n.groupId, segment);
      segments.push(segment);
    }
  }
  return segments;
}
