import { describe, expect, it } from "vitest";
import { pageColumn, projectorWallLayout, segmentsInOrder, type WallColumnShape, wallMetrics } from "./wall-layout";
import { textLines, typicalCharacterEm } from "./wall-text";

/** A note of about `chars` characters, cut from running text at a word's end. */
const longText =
  "A single page for every way to contact the council, with opening hours and a phone number that a real person answers, and a map of the libraries where someone helps you fill in the forms";
const noteOf = (chars: number) => ({ text: longText.slice(0, chars).trimEnd() });

/** 100 notes in 3 columns, with groups of 3 to 6 notes, as a busy morning leaves a board. */
const hundred: WallColumnShape[] = [
  {
    segments: [
      { notes: 5, grouped: true },
      { notes: 20, grouped: false },
      { notes: 4, grouped: true },
      { notes: 5, grouped: false },
    ],
  },
  {
    segments: [
      { notes: 6, grouped: true },
      { notes: 3, grouped: true },
      { notes: 24, grouped: false },
    ],
  },
  {
    segments: [
      { notes: 30, grouped: false },
      { notes: 3, grouped: true },
    ],
  },
];
// The box the big screen leaves the columns at 1920×1080 (a slim header, the footer and the board title taken off).
const projector1080 = { width: 1824, height: 820, rem: 16, meta: true };

describe("the wall's layout on a projector", () => {
  it("fits 100 notes in 3 columns with groups on one 1080p screen at 20 px or more", () => {
    const layout = projectorWallLayout({ columns: hundred, ...projector1080 });
    expect(layout.pages).toBe(1);
    expect(layout.fontPx).toBeGreaterThanOrEqual(20);
    expect(layout.cardsAcross).toBeGreaterThanOrEqual(2);
    expect(layout.columnPages.map((p) => p[0])).toEqual([
      [0, 34],
      [0, 33],
      [0, 33],
    ]);
  });

  it("gives a long note the room a screen has to spare: seven notes on a portrait screen show 100 characters whole, short notes stay as drawn", () => {
    const seven: WallColumnShape[] = [{ segments: [{ notes: 3, grouped: false }] }, { segments: [{ notes: 4, grouped: false }] }];
    const portrait = { columns: seven, width: 1008, height: 1700, rem: 16, meta: true };
    const short = projectorWallLayout({ ...portrait, notes: [noteOf(30)] });
    const long = projectorWallLayout({ ...portrait, notes: [noteOf(100)] });
    expect(long.pages).toBe(1);
    // A little smaller, if need be, but not much: still text for a hall.
    expect(long.fontPx).toBeGreaterThanOrEqual(short.fontPx * 0.75);
    expect(long.lines).toBeGreaterThan(short.lines);
    expect(textLines(noteOf(100).text, long.cardWidth - 2 * long.padX, long.fontPx)).toBeLessThanOrEqual(long.lines);
    expect(projectorWallLayout(portrait)).toEqual(short);
    // A board that fills the screen already has no room to give.
    const busy = projectorWallLayout({ columns: hundred, ...projector1080 });
    expect(projectorWallLayout({ columns: hundred, ...projector1080, notes: [noteOf(180)] })).toEqual(busy);
  });

  /**
   * One column of these notes in a 1080p projector's box `height` px tall, and the notes cut in it
   * (./wall-text.ts, checked against Chromium's own lines).
   */
  const oneColumn = (texts: string[], height: number) => {
    const layout = projectorWallLayout({
      columns: [{ segments: [{ notes: texts.length, grouped: false }] }],
      width: 1824,
      height,
      rem: 16,
      meta: true,
      notes: texts.map((text) => ({ text })),
      headings: [`Ideas (${texts.length})`],
    });
    const cut = texts.filter((text) => textLines(text, layout.cardWidth - 2 * layout.padX, layout.fontPx) > layout.lines);
    return { layout, cut };
  };

  it("shows a board of three notes whole on a 1080p projector, the long one included, rather than cut above empty space", () => {
    // The box the wall leaves at 1920×1080 with no phase running: no timer in the header.
    const { layout, cut } = oneColumn(
      [
        "Bins: tell me the day",
        "A single page for every way to contact the council, with opening hours and a phone number that a real person answers",
        "Library wifi",
      ],
      880,
    );
    expect(layout.pages).toBe(1);
    expect(cut).toEqual([]);
    expect(layout.fontPx).toBeGreaterThanOrEqual(30);
  });

  it("shows five notes whole, a Polish one with its diacritics and dash included, under the room's timer", () => {
    const { layout, cut } = oneColumn(
      [
        "Bin day checker that works on a phone",
        "Search that understands 'pothole'",
        "Strona po polsku, proszę — i prostszy formularz zgłoszeń",
        "Mapa remontów",
        "Tell me what happens after I report something",
      ],
      760,
    );
    expect(layout.pages).toBe(1);
    expect(cut).toEqual([]);
  });

  it("leaves a photo beside the text (a square, at most a third of the card) out of the text's room", () => {
    const text = "Tell me what happens after I report something";
    const base = { columns: [{ segments: [{ notes: 5, grouped: false }] }], width: 1824, height: 760, rem: 16, meta: true };
    const plain = projectorWallLayout({ ...base, notes: [{ text }] });
    const withPhoto = projectorWallLayout({ ...base, notes: [{ text, photo: true }] });
    const box = withPhoto.cardWidth - 2 * withPhoto.padX;
    const photoSide = Math.min(Math.ceil(withPhoto.lines * withPhoto.fontPx * withPhoto.lineHeight), box / 3);
    expect(textLines(text, box - photoSide - 0.4 * withPhoto.fontPx, withPhoto.fontPx)).toBeLessThanOrEqual(withPhoto.lines);
    expect(withPhoto.lines * withPhoto.fontPx).toBeGreaterThanOrEqual(plain.lines * plain.fontPx);
  });

  it("draws a few notes large, like a slide", () => {
    const layout = projectorWallLayout({ columns: [{ segments: [{ notes: 4, grouped: false }] }], ...projector1080 });
    expect(layout.fontPx).toBe(48);
    expect(layout.pages).toBe(1);
  });

  it("never goes below the smallest legible size: a board too big for one screen pages instead", () => {
    const big: WallColumnShape[] = [0, 1, 2].map(() => ({
      segments: [
        { notes: 90, grouped: false },
        { notes: 10, grouped: true },
        { notes: 13, grouped: false },
      ],
    }));
    const layout = projectorWallLayout({ columns: big, ...projector1080 });
    expect(layout.fontPx).toBe(20);
    expect(layout.pages).toBeGreaterThan(1);
    for (const pages of layout.columnPages) {
      // Every note is on exactly one page, in order.
      expect(pages[0]?.[0]).toBe(0);
      expect(pages[pages.length - 1]?.[1]).toBe(113);
      for (let i = 1; i < pages.length; i++) expect(pages[i]?.[0]).toBe(pages[i - 1]?.[1]);
    }
  });

  it("scales with the screen: 4K doubles every size, so the same notes fit the same way", () => {
    const hd = projectorWallLayout({ columns: hundred, ...projector1080 });
    const uhd = projectorWallLayout({ columns: hundred, width: 3648, height: 1640, rem: 32, meta: true });
    expect(uhd.cardsAcross).toBe(hd.cardsAcross);
    expect(uhd.fontPx).toBeGreaterThanOrEqual(2 * hd.fontPx - 1);
  });

  it("an empty board still has one page", () => {
    const layout = projectorWallLayout({ columns: [{ segments: [] }, { segments: [] }], ...projector1080 });
    expect(layout.pages).toBe(1);
    expect(layout.columnPages).toEqual([[[0, 0]], [[0, 0]]]);
  });
});

describe("a column's heading on a projector", () => {
  const seven: WallColumnShape[] = [{ segments: [{ notes: 3, grouped: false }] }, { segments: [{ notes: 4, grouped: false }] }];
  const portrait = { width: 984, height: 1500, rem: 16, meta: true };
  const landscape = { width: 1824, height: 820, rem: 16, meta: true };
  const learning: WallColumnShape[] = [0, 1, 2].map(() => ({ segments: [{ notes: 4, grouped: false }] }));
  /** Lines a bold heading takes in the widest face the screen may fall back to (DejaVu Sans Bold, measured: 0.59–0.64 em a character). */
  const drawnLines = (heading: string, width: number, fontPx: number) => {
    let lines = 1;
    let used = 0;
    for (const word of heading.split(" ")) {
      const w = word.length * 0.64 * fontPx;
      if (used > 0 && used + 0.35 * fontPx + w > width) {
        lines++;
        used = w;
      } else used += (used > 0 ? 0.35 * fontPx : 0) + w;
    }
    return lines;
  };
  const headingWidth = (layout: ReturnType<typeof projectorWallLayout>, columns: number, width: number) =>
    (width - (columns - 1) * layout.columnGap) / columns - 2 * layout.columnPad;

  it("keeps room for a heading too long for one line of a portrait screen's column, so its title and count show whole", () => {
    const headings = ["Magic moments (3)", "Miserable moments (4)"];
    const layout = projectorWallLayout({ columns: seven, ...portrait, notes: [noteOf(70)], headings });
    const width = headingWidth(layout, 2, portrait.width);
    for (const heading of headings) {
      expect(drawnLines(heading, width, layout.headFontPx), heading).toBeLessThanOrEqual(layout.headLines);
    }
    expect(layout.headLines).toBe(2);
    // Wrapped at the notes' size, not shrunk: there is the room.
    expect(layout.headFontPx).toBe(layout.fontPx);
    expect(layout.headHeight).toBeGreaterThanOrEqual(2 * layout.headFontPx * layout.lineHeight);
    expect(layout.pages).toBe(1);
  });

  it("fits every language's longest template headings, two-digit counts included, on a portrait and a landscape screen", () => {
    const longest = [
      ["Momentos miseráveis (12)", "Momentos mágicos (12)"],
      ["Ce que nous avons appris (12)", "Questions (12)", "Et ensuite (12)"],
      ["Czego się nauczyliśmy (12)", "Pytania (12)", "Co dalej (12)"],
      // As the catalogue writes it: a narrow no-break space before "?", where no line may break.
      ["Qu’est-ce qui vous amène\u202f? (12)", "Ce que je peux apporter (12)"],
    ];
    for (const box of [portrait, landscape, { width: 1216, height: 540, rem: 10.67, meta: true }]) {
      for (const headings of longest) {
        const columns = headings.length === 3 ? learning : seven;
        const layout = projectorWallLayout({ columns, ...box, headings });
        const width = headingWidth(layout, headings.length, box.width);
        for (const heading of headings) {
          expect(drawnLines(heading, width, layout.headFontPx), `${heading} in ${box.width}`).toBeLessThanOrEqual(
            layout.headLines,
          );
        }
        // Shrunk within reason, if at all: still a heading for a hall.
        expect(layout.headFontPx).toBeGreaterThanOrEqual(Math.max(20 * (box.rem / 16), 0.7 * layout.fontPx) - 1);
        // Two lines at most, but for a third of a portrait screen's width ("Ce que nous avons / appris / (12)").
        expect(layout.headLines).toBeLessThanOrEqual(box === portrait && headings.length === 3 ? 3 : 2);
        expect(layout.pages).toBe(1);
      }
    }
  });

  it("draws a board whose headings fit one line as it always has", () => {
    const headings = ["Magic moments (3)", "Miserable moments (4)"];
    expect(projectorWallLayout({ columns: seven, ...landscape, headings })).toEqual(
      projectorWallLayout({ columns: seven, ...landscape }),
    );
    expect(
      projectorWallLayout({ columns: hundred, ...projector1080, headings: ["Ideas (34)", "Questions (33)", "What next (33)"] }),
    ).toEqual(projectorWallLayout({ columns: hundred, ...projector1080 }));
  });
});

describe("paging one column", () => {
  const m = wallMetrics(24, 2, false, 16);
  it("breaks between rows, and never leaves a group's title alone at a page's foot", () => {
    const height = 2 * m.columnPad + m.headHeight + 3 * m.cardHeight + 2 * m.gap;
    expect(pageColumn([{ notes: 9, grouped: false }], 3, m, height)).toEqual([[0, 9]]);
    expect(pageColumn([{ notes: 10, grouped: false }], 3, m, height)).toEqual([
      [0, 9],
      [9, 10],
    ]);
    const pages = pageColumn(
      [
        { notes: 6, grouped: false },
        { notes: 3, grouped: true },
      ],
      3,
      m,
      height,
    );
    expect(pages).toEqual([
      [0, 6],
      [6, 9],
    ]);
  });
});

describe("display order", () => {
  it("keeps a group's notes together where its first note is, and runs of ungrouped notes together", () => {
    const notes = [
      { id: "a", groupId: null },
      { id: "b", groupId: "g" },
      { id: "c", groupId: null },
      { id: "d", groupId: "g" },
      { id: "e", groupId: null },
    ];
    expect(segmentsInOrder(notes).map((s) => s.notes.map((n) => n.id).join(""))).toEqual(["a", "bd", "ce"]);
  });
});

describe("the figures behind the smallest size", () => {
  it("shows each of 100 notes with at least two lines of about 9 characters", () => {
    const layout = projectorWallLayout({ columns: hundred, ...projector1080 });
    const charsPerLine = (layout.cardWidth - 2 * layout.padX) / (layout.fontPx * typicalCharacterEm);
    expect(layout.lines).toBeGreaterThanOrEqual(2);
    expect(charsPerLine).toBeGreaterThanOrEqual(9);
  });

  it("gives each of 60 notes room for a short idea whole, about 36 characters, rather than the biggest text", () => {
    const sixty: WallColumnShape[] = [0, 1, 2].map(() => ({
      segments: [
        { notes: 4, grouped: true },
        { notes: 16, grouped: false },
      ],
    }));
    for (const meta of [true, false]) {
      const layout = projectorWallLayout({ columns: sixty, ...projector1080, meta });
      const charsPerLine = (layout.cardWidth - 2 * layout.padX) / (layout.fontPx * typicalCharacterEm);
      expect(layout.pages).toBe(1);
      expect(layout.fontPx).toBeGreaterThanOrEqual(20);
      expect(Math.floor(charsPerLine) * layout.lines).toBeGreaterThanOrEqual(36);
    }
  });
});
