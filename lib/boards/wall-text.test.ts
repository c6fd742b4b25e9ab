import { describe, expect, it } from "vitest";
import { textLines } from "./wall-text";

/** The text boxes' widths, in em, at which the lines below were measured. */
const widths = [5, 6.5, 8, 10, 12.5, 16, 20];

/**
 * Lines Chromium drew for each note at those widths, in the wall's font stack at weight 600
 * (DejaVu Sans Bold, the widest face a screen falls back to), `overflow-wrap: anywhere`: measured
 * with playwright-core in a data: page, the notes a weekend's boards hold in its five languages.
 */
const drawn: [string, number[]][] = [
  ["Bins: tell me the day", [3, 2, 2, 2, 1, 1, 1]],
  [
    "A single page for every way to contact the council, with opening hours and a phone number that a real person answers",
    [17, 14, 10, 9, 6, 5, 4],
  ],
  ["Library wifi", [2, 1, 1, 1, 1, 1, 1]],
  ["Bin day checker that works on a phone", [6, 4, 4, 3, 2, 2, 2]],
  ["Search that understands 'pothole'", [5, 4, 3, 3, 2, 2, 1]],
  ["Tell me what happens after I report something", [7, 6, 4, 3, 3, 2, 2]],
  ["More benches in the park so older people can rest on the way to the shops", [11, 8, 6, 5, 4, 3, 3]],
  ["Free wifi on the high street and in every library", [7, 5, 4, 3, 3, 2, 2]],
  ["A notice board for swaps", [4, 3, 3, 2, 2, 1, 1]],
  ["Text me when my recycling collection changes, not a letter two weeks later", [13, 8, 6, 6, 4, 3, 3]],
  ["Youth club open on Sundays, with a kitchen we can cook in together", [9, 7, 6, 4, 4, 3, 2]],
  ["Strona po polsku, proszę — i prostszy formularz zgłoszeń", [9, 6, 6, 5, 3, 3, 2]],
  ["Mapa remontów", [3, 2, 2, 1, 1, 1, 1]],
  ["Więcej ławek w parku, żeby starsi mogli odpocząć w drodze do sklepu", [11, 8, 6, 5, 4, 3, 3]],
  ["Zgłaszanie dziur w jezdni przez telefon, z mapą i zdjęciem", [7, 7, 5, 4, 3, 3, 2]],
  ["Przejście dla pieszych przy szkole — dzieci biegają między samochodami", [10, 9, 6, 5, 4, 3, 3]],
  ["Świetlica dla młodzieży otwarta w weekendy, z kuchnią", [9, 6, 5, 5, 3, 3, 2]],
  ["Ogłoszenia w kilku językach na tablicy przy przychodni", [9, 6, 5, 4, 3, 2, 2]],
  ["Une seule page pour joindre la mairie, avec les horaires et un numéro où quelqu’un répond", [15, 10, 8, 7, 5, 4, 3]],
  ["Des bancs près de l’arrêt de bus, s’il vous plaît", [7, 5, 5, 3, 3, 2, 2]],
  ["Qu’est-ce qui se passe après mon signalement ?", [7, 6, 4, 3, 3, 2, 2]],
  ["Un plan des travaux, mis à jour chaque semaine", [7, 6, 4, 4, 3, 2, 2]],
  ["Éclairage du passage souterrain : on a peur le soir", [7, 5, 5, 4, 3, 3, 2]],
  ["Des cours de français gratuits à la médiathèque, le samedi matin", [9, 8, 6, 5, 4, 3, 2]],
  ["Más bancos en el parque para que las personas mayores descansen", [11, 8, 6, 5, 4, 3, 2]],
  ["Una página en español, por favor, con un formulario más sencillo", [10, 8, 5, 5, 4, 3, 2]],
  ["Iluminación en el túnel: da miedo por la noche", [7, 5, 4, 3, 3, 2, 2]],
  ["Mais bancos no parque para as pessoas mais velhas descansarem", [10, 9, 6, 5, 4, 3, 2]],
  ["Uma página em português, com um formulário mais simples, por favor", [11, 8, 7, 5, 4, 3, 3]],
  ["Horários dos autocarros em tempo real na paragem, não só na aplicação", [11, 8, 7, 5, 4, 3, 3]],
  ["WIFI GRÁTIS NA BIBLIOTECA E NA RUA PRINCIPAL", [8, 5, 5, 3, 3, 2, 2]],
  ["MORE BENCHES PLEASE", [4, 3, 3, 2, 2, 1, 1]],
  ["Wheelchair-accessible toilets in the market, open until 8pm", [9, 7, 5, 4, 4, 3, 2]],
  ["Community fridge (food sharing) outside the library", [8, 6, 5, 4, 3, 2, 2]],
  ["https://lambeth.gov.uk/bins-recycling-and-waste", [7, 5, 4, 4, 3, 2, 2]],
  ["Mmmm wow: WWW Museum Walk, Wednesdays 10–12", [8, 7, 6, 5, 3, 3, 2]],
  ["Przychodnia: wizyty przez SMS, bez dzwonienia o ósmej rano", [10, 7, 5, 5, 4, 3, 2]],
  ["Zwrot kosztów przejazdu dla wolontariuszy — bez papierowych formularzy", [11, 9, 7, 5, 5, 3, 3]],
  ["Aménagement cyclable sécurisé jusqu’à l’école élémentaire Jean-Jaurès", [10, 9, 7, 5, 5, 3, 3]],
  ["Sinalização em vários idiomas no centro de saúde", [8, 5, 5, 3, 3, 2, 2]],
];

describe("the lines a note takes on the projector", () => {
  it("is never fewer than the browser draws, in any of the five languages, at any card's width", () => {
    const short: string[] = [];
    for (const [text, lines] of drawn) {
      widths.forEach((width, i) => {
        for (const fontPx of [20, 48]) {
          if (textLines(text, width * fontPx, fontPx) < (lines[i] ?? 0)) short.push(`${text} at ${width} em`);
        }
      });
    }
    expect(short).toEqual([]);
  });

  it("is generous by a line at most, nearly always: cards are not made needlessly tall", () => {
    let cases = 0;
    let twoOver = 0;
    for (const [text, lines] of drawn) {
      widths.forEach((width, i) => {
        cases++;
        if (textLines(text, width * 20, 20) > (lines[i] ?? 0) + 1) twoOver++;
      });
    }
    expect(twoOver / cases).toBeLessThan(0.03);
  });

  it("counts the projector's notes that were cut as the lines they need", () => {
    // 1920×1080, three notes: at 43 px, 9 lines of text (464 px) in a card drawn for 8 (413 px).
    const council =
      "A single page for every way to contact the council, with opening hours and a phone number that a real person answers";
    expect(textLines(council, 432 - 2 * 19, 43)).toBeGreaterThanOrEqual(9);
    // Five notes at 44 px: the Polish one took five lines where four were given.
    expect(textLines("Strona po polsku, proszę — i prostszy formularz zgłoszeń", 431 - 2 * 20, 44)).toBeGreaterThanOrEqual(5);
  });

  it("breaks only where the browser may: never at a no-break space, and after a hyphen inside a word", () => {
    expect(textLines("Qu’est-ce qui vous amène\u00a0?", 11.5 * 20, 20)).toBe(
      textLines("Qu’est-ce qui vous amène?", 11.5 * 20, 20),
    );
    expect(textLines("wheelchair-accessible", 9 * 20, 20)).toBe(2);
  });
});
