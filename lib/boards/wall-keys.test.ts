import { describe, expect, it } from "vitest";
import { messagesFor, ownMessages } from "@/lib/i18n/catalogue";
import { allLocales } from "@/lib/i18n/locales";
import { neighbourNote, wallKeyIntent, wallKeyShortcuts, wallShortcuts } from "./wall-keys";

describe("wallKeyIntent", () => {
  it("arrows move focus; with Alt or Shift they move the note", () => {
    expect(wallKeyIntent({ key: "ArrowDown" })).toEqual({ kind: "focus", to: "down" });
    expect(wallKeyIntent({ key: "ArrowLeft" })).toEqual({ kind: "focus", to: "left" });
    expect(wallKeyIntent({ key: "ArrowUp", altKey: true })).toEqual({ kind: "move", direction: "up" });
    expect(wallKeyIntent({ key: "ArrowRight", shiftKey: true })).toEqual({ kind: "move", direction: "right" });
  });

  it("letters group, ungroup and select, in either case", () => {
    expect(wallKeyIntent({ key: "g" })).toEqual({ kind: "group-above" });
    expect(wallKeyIntent({ key: "G", shiftKey: true })).toEqual({ kind: "group-above" });
    expect(wallKeyIntent({ key: "u" })).toEqual({ kind: "ungroup" });
    expect(wallKeyIntent({ key: "x" })).toEqual({ kind: "toggle-select" });
    expect(wallKeyIntent({ key: " " })).toEqual({ kind: "toggle-select" });
    expect(wallKeyIntent({ key: "Home" })).toEqual({ kind: "focus", to: "first" });
    expect(wallKeyIntent({ key: "End" })).toEqual({ kind: "focus", to: "last" });
    expect(wallKeyIntent({ key: "Escape" })).toEqual({ kind: "leave-buttons" });
  });

  it("reaches the note's group from the note: Shift+X selects it, R or F2 names it", () => {
    expect(wallKeyIntent({ key: "X", shiftKey: true })).toEqual({ kind: "toggle-select-group" });
    expect(wallKeyIntent({ key: " ", shiftKey: true })).toEqual({ kind: "toggle-select-group" });
    expect(wallKeyIntent({ key: "X" })).toEqual({ kind: "toggle-select" });
    expect(wallKeyIntent({ key: "r" })).toEqual({ kind: "rename-group" });
    expect(wallKeyIntent({ key: "F2" })).toEqual({ kind: "rename-group" });
  });

  it("leaves the browser's own keys alone", () => {
    expect(wallKeyIntent({ key: "Tab" })).toBeNull();
    expect(wallKeyIntent({ key: "Enter" })).toBeNull();
    expect(wallKeyIntent({ key: "g", ctrlKey: true })).toBeNull();
    expect(wallKeyIntent({ key: "ArrowLeft", metaKey: true })).toBeNull();
    expect(wallKeyIntent({ key: "g", altKey: true })).toBeNull();
    expect(wallKeyIntent({ key: "q" })).toBeNull();
  });

  it("announces the same keys it handles", () => {
    for (const k of wallKeyShortcuts.split(" ")) {
      const [mod, key] = k.includes("+") ? k.split("+") : [null, k];
      const pressed = key === "Space" ? " " : (key as string);
      expect(wallKeyIntent({ key: pressed, altKey: mod === "Alt", shiftKey: mod === "Shift" }), k).not.toBeNull();
    }
  });
});

describe("neighbourNote", () => {
  const columns = [["a1", "a2", "a3"], [], ["c1"]];
  it("walks a column and stops at its ends", () => {
    expect(neighbourNote(columns, "a1", "down")).toBe("a2");
    expect(neighbourNote(columns, "a2", "up")).toBe("a1");
    expect(neighbourNote(columns, "a1", "up")).toBeNull();
    expect(neighbourNote(columns, "a3", "down")).toBeNull();
    expect(neighbourNote(columns, "a2", "first")).toBe("a1");
    expect(neighbourNote(columns, "a1", "last")).toBe("a3");
  });
  it("crosses columns, skipping empty ones and keeping the row where it can", () => {
    expect(neighbourNote(columns, "a3", "right")).toBe("c1");
    expect(neighbourNote(columns, "c1", "left")).toBe("a1");
    expect(neighbourNote(columns, "a1", "left")).toBeNull();
    expect(neighbourNote(columns, "c1", "right")).toBeNull();
    expect(neighbourNote(columns, "nope", "down")).toBeNull();
  });
});

describe("the wall's list of shortcuts, in the laptop's language", () => {
  it("holds keys, never words: what a key is called and does is in the catalogue", () => {
    for (const s of wallShortcuts) expect(Object.keys(s).sort()).toEqual(["keys", "words"]);
    expect(new Set(wallShortcuts.map((s) => s.words)).size).toBe(wallShortcuts.length);
  });

  it("names every shortcut and says what it does in every language", () => {
    type ShortcutWords = { shortcuts?: { label?: Record<string, string>; does?: Record<string, string> } };
    for (const { code } of allLocales) {
      // A language with its own wall catalogue says it itself; easy read may lean on plain English.
      const wall = (ownMessages(code).wall ?? messagesFor(code).wall) as ShortcutWords;
      for (const s of wallShortcuts) {
        expect(wall.shortcuts?.label?.[s.words], `${code}: label.${s.words}`).toMatch(/\S/);
        expect(wall.shortcuts?.does?.[s.words], `${code}: does.${s.words}`).toMatch(/\S/);
      }
    }
  });
});
