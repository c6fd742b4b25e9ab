import { describe, expect, it } from "vitest";
import type { TemplateWords } from "@/lib/boards/board-words";
import { withTitleKey } from "@/lib/boards/template-marks";
import { translator } from "@/lib/i18n/translator";
import type { NudgeView } from "@/lib/realtime/contract";
import { nudgeInWords } from "./nudge-words";
import { freshNudge, nudgeBoard, nudgeFreshMs, nudgeHref, phaseDestination } from "./nudges";

const nudge: NudgeView = { id: "n1", kind: "phase", title: "Explore", boardId: null, boardTitle: null, by: "Sam", at: 1000 };

describe("nudges", () => {
  it("reach phones that connect a while later, but not once they are old news", () => {
    expect(freshNudge(nudge, 1000 + 60_000)).toBe(nudge);
    expect(freshNudge(nudge, 1000 + nudgeFreshMs)).toBe(nudge);
    expect(freshNudge(nudge, 1000 + nudgeFreshMs + 1)).toBeNull();
    expect(freshNudge(null, 1000)).toBeNull();
  });

  it("send a new phase to the board or vote on the big screen, otherwise to the event page", () => {
    const boards = [{ id: "b1", title: "Park ideas" }];
    expect(phaseDestination({ kind: "board", boardId: "b1" }, boards)).toEqual({ boardId: "b1", boardTitle: "Park ideas" });
    expect(phaseDestination({ kind: "votes", boardId: "b1" }, boards)).toEqual({ boardId: "b1", boardTitle: "Park ideas" });
    expect(phaseDestination({ kind: "board", boardId: "gone" }, boards)).toEqual({ boardId: null, boardTitle: null });
    expect(phaseDestination({ kind: "teams" }, boards)).toEqual({ boardId: null, boardTitle: null });
    expect(nudgeHref("lambeth", { boardId: "b1" })).toBe("/p/lambeth/b/b1");
    expect(nudgeHref("lambeth", { boardId: null })).toBe("/p/lambeth");
  });

  it("name a board still titled in its template's words in each phone's language, and a board staff named as named", () => {
    const polish: TemplateWords = Object.assign(translator("pl", "templates"), { has: () => true });
    const welcome = { id: "w1", title: "Welcome wall", template: "blank" };
    const invite = {
      id: "n2",
      title: "Welcome wall",
      by: "Sam",
      at: 1000,
      ...nudgeBoard({ ...welcome, ...withTitleKey(welcome) }),
    };
    expect(invite).toMatchObject({ boardTitleKey: "welcome.name" });
    expect(nudgeInWords({ ...invite, kind: "votes" }, polish)).toMatchObject({
      title: "Ściana powitalna",
      boardTitle: "Ściana powitalna",
    });
    // A phase keeps its own name; the board it points to is said in Polish.
    const phase: NudgeView = { ...invite, kind: "phase", title: "Explore" };
    expect(nudgeInWords(phase, polish)).toMatchObject({ title: "Explore", boardTitle: "Ściana powitalna" });
    const typed = { id: "b1", title: "Park ideas", template: "blank" };
    const named = { ...nudge, kind: "board" as const, title: "Park ideas", ...nudgeBoard({ ...typed, ...withTitleKey(typed) }) };
    expect(nudgeInWords(named, polish)).toEqual(named);
    expect(phaseDestination({ kind: "board", boardId: "w1" }, [{ ...welcome, ...withTitleKey(welcome) }])).toEqual({
      boardId: "w1",
      boardTitle: "Welcome wall",
      boardTitleKey: "welcome.name",
    });
  });
});
