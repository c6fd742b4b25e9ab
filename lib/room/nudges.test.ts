import { describe, expect, it } from "vitest";
import type { NudgeView } from "@/lib/realtime/contract";
import { freshNudge, nudgeFreshMs, nudgeHref, phaseDestination } from "./nudges";

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
});
