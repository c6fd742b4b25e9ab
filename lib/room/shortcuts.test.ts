import { describe, expect, it } from "vitest";
import { nextBoardWall, screenShortcut, shortcutFor } from "./shortcuts";

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
