import { describe, expect, it } from "vitest";
import { type Messages, messagesFor, ownMessages } from "@/lib/i18n/catalogue";
import { allLocales } from "@/lib/i18n/locales";
import { nextBoardWall, screenShortcut, shortcutFor, shortcuts } from "./shortcuts";

const boards = [{ id: "welcome" }, { id: "ideas" }, { id: "team-a" }];

describe("the big screen's keys", () => {
  it("maps letters in either case, Space, + and Escape", () => {
    expect(shortcutFor("J")).toBe("join");
    expect(shortcutFor("t")).toBe("teams");
    expect(shortcutFor(" ")).toBe("timer");
    expect(shortcutFor("=")).toBe("add-minute");
    expect(shortcutFor("?")).toBe("help");
    expect(shortcutFor("Escape")).toBe("close");
    expect(shortcutFor("x")).toBeNull();
  });

  it("drives the presentations with the arrows or a clicker's Page Down / Page Up", () => {
    expect(shortcutFor("p")).toBe("presentations");
    expect(shortcutFor("ArrowRight")).toBe("presentation-next");
    expect(shortcutFor("PageDown")).toBe("presentation-next");
    expect(shortcutFor("ArrowLeft")).toBe("presentation-previous");
    expect(shortcutFor("PageUp")).toBe("presentation-previous");
  });

  it("steps through boards with B, and V shows the votes of the board on screen", () => {
    expect(nextBoardWall("board", { kind: "join" }, boards)).toEqual({ kind: "board", boardId: "welcome" });
    expect(nextBoardWall("board", { kind: "board", boardId: "welcome" }, boards)).toEqual({ kind: "board", boardId: "ideas" });
    expect(nextBoardWall("board", { kind: "board", boardId: "team-a" }, boards)).toEqual({ kind: "board", boardId: "welcome" });
    expect(nextBoardWall("votes", { kind: "board", boardId: "ideas" }, boards)).toEqual({ kind: "votes", boardId: "ideas" });
    expect(nextBoardWall("board", { kind: "votes", boardId: "ideas" }, boards)).toEqual({ kind: "board", boardId: "ideas" });
    expect(nextBoardWall("votes", { kind: "teams" }, [])).toBeNull();
  });
});

describe("a key pressed on the big screen", () => {
  const body = { tagName: "BODY" };
  it("presses a focused button or link with Space or Enter, and leaves the room's timer alone", () => {
    expect(screenShortcut(" ", body, false)).toBe("timer");
    expect(screenShortcut(" ", { tagName: "BUTTON" }, false)).toBeNull();
    expect(screenShortcut(" ", { tagName: "A" }, false)).toBeNull();
    expect(screenShortcut("Enter", { tagName: "BUTTON" }, false)).toBeNull();
    // Other keys on a focused button are still the screen's.
    expect(screenShortcut("t", { tagName: "BUTTON" }, false)).toBe("teams");
  });

  it("is typing in a field, not a shortcut", () => {
    expect(screenShortcut("t", { tagName: "INPUT" }, false)).toBeNull();
    expect(screenShortcut(" ", { tagName: "DIV", isContentEditable: true }, false)).toBeNull();
  });

  it("does nothing but close the list of keys while it is open", () => {
    expect(screenShortcut(" ", body, true)).toBeNull();
    expect(screenShortcut("n", body, true)).toBeNull();
    expect(screenShortcut("0", body, true)).toBeNull();
    expect(screenShortcut("Escape", body, true)).toBe("close");
    expect(screenShortcut("?", body, true)).toBe("help");
  });
});

describe("the big screen's list of keys, in the screen's language", () => {
  const words = (messages: Messages) => {
    const screen = messages.screen;
    const list = typeof screen === "object" ? screen.shortcuts : undefined;
    return typeof list === "object" ? list : {};
  };

  it("says what every key does, and names Space, in every language", () => {
    for (const { code } of allLocales) {
      // A language with its own screen catalogue says it itself; easy read may lean on plain English.
      const own = words(ownMessages(code));
      const list = Object.keys(own).length > 0 ? own : words(messagesFor(code));
      const does = typeof list.does === "object" ? list.does : {};
      for (const s of shortcuts) expect(does[s.action], `${code}: ${s.action}`).toMatch(/\S/);
      expect(list.space, `${code}: space`).toMatch(/\S/);
      // French puts a no-break space before its colons ("Présentations : …").
      if (code === "fr") for (const text of Object.values(does)) expect(text).not.toMatch(/[^\u00a0][:;?!]/);
    }
  });

  it("holds keys, never words: each label is the key's printed mark, Space is named by the catalogue", () => {
    for (const s of shortcuts) {
      expect(Object.keys(s).sort()).toEqual(["action", "key", "label"]);
      expect(s.label === null ? s.key : [...s.label]).toHaveLength(1);
    }
  });
});
