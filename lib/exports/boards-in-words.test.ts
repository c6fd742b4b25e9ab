import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BoardReview, teamReviewSections } from "@/app/(organiser)/o/[slug]/review/team-sections";
import { messagesFor } from "@/lib/i18n/catalogue";
import { exportInWords } from "./boards-in-words";
import { teamReports } from "./event-report";
import type { EventExport } from "./export-schema";
import { eventMarkdown } from "./markdown-report";
import { sampleExport } from "./sample-export";

/** The record with a welcome wall made in Spanish, its prompts untouched, beside the sample's boards. */
function withSpanishWelcome(): EventExport {
  const data = sampleExport();
  const [ideas] = data.boards;
  if (!ideas) throw new Error("no board in the sample");
  data.boards.push({
    ...ideas,
    id: "board3",
    teamId: null,
    title: "Muro de bienvenida",
    template: "blank",
    columns: [
      { key: "hello", title: "¿Qué te trae por aquí?" },
      { key: "skills", title: "Lo que puedo aportar" },
    ],
    notes: ideas.notes.map((n) => ({ ...n, id: `w-${n.id}`, column: "hello", groupId: null })),
    groups: [],
  });
  return data;
}

const render = (locale: string, node: React.ReactNode) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      timeZone: "Europe/London",
      messages: messagesFor(locale),
      // biome-ignore lint/correctness/noChildrenProp: a .ts test has no JSX, and the provider's type requires the prop
      children: node,
    }),
  );

describe("boards named by their template, in the reader's words", () => {
  it("the record's template titles and prompts follow the reader; what staff typed stays as typed", () => {
    const english = exportInWords(withSpanishWelcome(), "en-GB");
    expect(english.boards.map((b) => b.title)).toEqual(["Ideas", "People's choice", "Welcome wall"]);
    expect(english.boards[2]?.columns.map((c) => c.title)).toEqual(["What brings you here?", "What I can bring"]);
    const polish = exportInWords(withSpanishWelcome(), "pl");
    expect(polish.boards[0]?.title).toBe("Ideas");
    expect(polish.boards[1]?.title).toBe((messagesFor("pl").templates as { peoplesChoice: { name: string } }).peoplesChoice.name);
  });

  it("the organiser's review shows a board's template title and prompts, and server-made names, in the reader's language", () => {
    const data = withSpanishWelcome();
    const [resident] = data.participants;
    if (resident) resident.displayName = "Participant 3";
    const shown = exportInWords(data, "fr");
    const board = shown.boards[2];
    if (!board) throw new Error("no welcome wall");
    const html = render("fr", createElement(BoardReview, { board, data: shown }));
    const words = messagesFor("fr").templates as { welcome: { name: string; columns: Record<string, string> } };
    expect(html).toContain(words.welcome.name);
    expect(html).toContain(words.welcome.columns.hello);
    expect(html).not.toContain("Muro de bienvenida");
    expect(html).not.toContain("¿Qué te trae por aquí?");
    // A note's author renamed by the retention sweep is named as the reader's other pages name them.
    const polishBoard = render("pl", createElement(BoardReview, { board, data: shown }));
    expect(polishBoard).toContain("Uczestnik 3");
    expect(polishBoard).not.toContain("Participant 3");
    const [team] = teamReports(shown);
    const members = teamReviewSections.find((s) => s.key === "members");
    if (!team || !members) throw new Error("no team in the sample");
    const membersHtml = render("pl", members.render(team, shown));
    expect(membersHtml).toContain("Uczestnik 3");
    expect(membersHtml).not.toContain("Participant 3");
  });

  it("the Markdown report names them in the reader's language too", () => {
    const md = eventMarkdown(withSpanishWelcome(), "en-GB");
    expect(md).toContain("#### Welcome wall");
    expect(md).toContain("**What brings you here?**");
    expect(md).not.toContain("Muro de bienvenida");
  });
});
