import { describe, expect, it } from "vitest";
import { boardInWords, type TemplateWords } from "./board-words";
import { markTemplateColumns, templateTitleKey, withTitleKey } from "./template-marks";
import { templateColumns, templateName } from "./template-words";

const languages = ["en-GB", "en-GB-x-easy", "es", "fr", "pl", "pt-PT"];

describe("template words a board still holds", () => {
  it.each(languages)("recognises the welcome wall made in %s, title and prompts", (language) => {
    expect(templateTitleKey("welcome", templateName("welcome", language))).toBe("welcome.name");
    expect(markTemplateColumns("welcome", templateColumns("welcome", language)).map((c) => c.wordsKey)).toEqual([
      "welcome.columns.hello",
      "welcome.columns.skills",
    ]);
  });

  it.each(languages)("recognises every template's prompts made in %s", (language) => {
    for (const template of ["ideas", "journey", "learning", "postcards", "map"] as const) {
      const marked = markTemplateColumns(template, templateColumns(template, language));
      expect(marked.every((c) => c.wordsKey === `${template}.columns.${c.key}`)).toBe(true);
    }
  });

  it("names the people's choice board in the reader's language, whatever the event's", () => {
    expect(withTitleKey({ template: "blank", title: "People's choice" })).toEqual({ titleKey: "peoplesChoice.name" });
    expect(withTitleKey({ template: "ideas", title: "People's choice" })).toEqual({});
  });

  it.each(languages)("recognises a welcome wall stored as a blank board, made in %s", (language) => {
    expect(templateTitleKey("blank", templateName("welcome", language))).toBe("welcome.name");
    expect(markTemplateColumns("blank", templateColumns("welcome", language)).map((c) => c.wordsKey)).toEqual([
      "welcome.columns.hello",
      "welcome.columns.skills",
    ]);
  });

  it("leaves words staff typed or edited as they are", () => {
    expect(templateTitleKey("welcome", "Welcome to Brixton")).toBeUndefined();
    expect(withTitleKey({ template: "welcome", title: "Welcome wall!" })).toEqual({});
    expect(markTemplateColumns("welcome", [{ key: "hello", title: "Why are you here?" }])).toEqual([
      { key: "hello", title: "Why are you here?" },
    ]);
    // A blank board's columns are all typed, even one that reads like a template's prompt.
    expect(markTemplateColumns("blank", [{ key: "ideas", title: "Ideas" }])).toEqual([{ key: "ideas", title: "Ideas" }]);
    const typed = templateColumns("blank", "en-GB", ["What brings you here?"]);
    expect(markTemplateColumns("blank", typed)).toEqual(typed);
    expect(templateTitleKey("blank", "Ideas")).toBeUndefined();
  });

  it("doesn't mark words that are another key's", () => {
    // "What I can bring" is the skills prompt, not the hello one; "Ideas" names the ideas template, not the map.
    expect(markTemplateColumns("welcome", [{ key: "hello", title: "What I can bring" }])[0]?.wordsKey).toBeUndefined();
    expect(templateTitleKey("map", "Ideas")).toBeUndefined();
    expect(markTemplateColumns("learning", [{ key: "questions", title: "What next" }])[0]?.wordsKey).toBeUndefined();
  });

  it("knows no template it doesn't have", () => {
    expect(templateTitleKey("retired", "Welcome wall")).toBeUndefined();
    expect(markTemplateColumns("retired", [{ key: "hello", title: "What brings you here?" }])[0]?.wordsKey).toBeUndefined();
  });
});

describe("a board in its reader's words", () => {
  const french: TemplateWords = Object.assign((key: string) => `fr:${key}`, { has: (key: string) => key.startsWith("welcome.") });
  const board = {
    id: "b",
    eventId: "e",
    teamId: null,
    title: "Welcome wall",
    titleKey: "welcome.name",
    template: "welcome",
    columns: [
      { key: "hello", title: "What brings you here?", wordsKey: "welcome.columns.hello" },
      { key: "skills", title: "What we can make" },
    ],
    locked: false,
    anonymous: false,
    hiddenUntilReveal: false,
    revealed: false,
    mapUrl: null,
  };

  it("translates what is marked and keeps what was typed", () => {
    const read = boardInWords(board, french);
    expect(read.title).toBe("fr:welcome.name");
    expect(read.columns.map((c) => c.title)).toEqual(["fr:welcome.columns.hello", "What we can make"]);
  });

  it("keeps the stored words where the reader's messages lack the key", () => {
    const none: TemplateWords = Object.assign((key: string) => key, { has: () => false });
    expect(boardInWords(board, none).columns[0]?.title).toBe("What brings you here?");
  });
});
