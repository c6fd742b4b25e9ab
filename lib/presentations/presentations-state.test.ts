import { describe, expect, it } from "vitest";
import { RoomSync } from "@/lib/realtime/client/room-sync";
import type { PresentationState, ShowcaseView } from "@/lib/realtime/contract";
import type { RoomEvent } from "@/lib/realtime/rooms";
import { presentationSnapshot as snapshot } from "@/test/support/presentation-snapshot";
import { type PresentationsState, presentationsRoom, withoutBurst } from "./presentations-state";

const showcase: ShowcaseView = {
  teamId: "a",
  title: "Pocket parks",
  summary: "Small green spaces",
  made: "A map of every empty corner",
  learned: "Ask the council first",
  links: [{ title: "Map", url: "https://parks.example" }],
  images: [{ id: "i1", url: "/showcase-images/i1" }],
  nextSteps: "Plant in spring",
  takenForwardBy: "The council",
  takenForwardByDefault: "The council",
  needs: "Seeds",
  updatedAt: 1,
  updatedBy: "Sam",
};
const withShowcase: PresentationState = { ...snapshot, seq: 5, showcases: { a: showcase } };
const retitled = (title: string, at: number) =>
  ({
    name: "showcase:changed",
    data: { teamId: "a", changes: { title }, updatedAt: at, updatedBy: "Ali" },
  }) as const;

describe("the presentations room's reducer", () => {
  it("carries a judge's score over to a reworded criterion", () => {
    const s = presentationsRoom.apply(presentationsRoom.init(snapshot), {
      name: "presentation:criteria-changed",
      data: { teamId: "a", criteria: ["Clear", "Really useful"], renamed: [["Useful", "Really useful"]] },
    });
    expect(s.criteria.a).toEqual(["Clear", "Really useful"]);
    expect(s.me.scores.a).toEqual({ Clear: 4, "Really useful": 2 });
  });

  it("renames a known team, and reloads for a new one (its showcase, criteria and place come with the snapshot)", () => {
    const s = presentationsRoom.init(snapshot);
    const renamed = { name: "presentation:team-changed" as const, data: { team: { id: "a", name: "Green", briefTitle: null } } };
    expect(presentationsRoom.reload?.(s, renamed)).toBe(false);
    expect(presentationsRoom.apply(s, renamed).teams[0]?.name).toBe("Green");
    const added = { name: "presentation:team-changed" as const, data: { team: { id: "b", name: "New", briefTitle: null } } };
    expect(presentationsRoom.reload?.(s, added)).toBe(true);
  });

  it("lays a showcase save over the showcase it holds: the fields saved change, the others stay", () => {
    const s = presentationsRoom.apply(presentationsRoom.init(withShowcase), retitled("Pocket parks for all", 2));
    expect(s.showcases.a).toEqual({ ...showcase, title: "Pocket parks for all", updatedAt: 2, updatedBy: "Ali" });
    const images = presentationsRoom.apply(s, {
      name: "showcase:changed",
      data: { teamId: "a", changes: { images: [], links: [] }, updatedAt: 3, updatedBy: "Sam" },
    });
    expect(images.showcases.a).toMatchObject({ title: "Pocket parks for all", images: [], links: [], made: showcase.made });
  });

  it("reads the whole showcase again for a save to one it doesn't hold", () => {
    const s = presentationsRoom.init(withShowcase);
    const elsewhere = { ...retitled("Ours", 2), data: { ...retitled("Ours", 2).data, teamId: "b" } };
    expect(presentationsRoom.reload?.(s, retitled("Ours", 2))).toBe(false);
    expect(presentationsRoom.reload?.(s, elsewhere)).toBe(true);
    expect(presentationsRoom.apply(s, elsewhere)).toBe(s);
  });

  it("a screen that missed a save reads the room again and ends up with every save, not with a field left behind", async () => {
    // The server's room after saves 6, 7 and 8; the screen heard 6 and 8, never 7.
    const server: PresentationState = {
      ...withShowcase,
      seq: 8,
      showcases: { a: { ...showcase, title: "Three", summary: "Saved in 7", updatedAt: 8, updatedBy: "Ali" } },
    };
    const snapshots = [withShowcase, server];
    const sync = new RoomSync<PresentationsState, RoomEvent<"presentations">>({
      load: async () => {
        const next = snapshots.shift() as PresentationState;
        return { seq: next.seq, state: presentationsRoom.init(next) };
      },
      apply: presentationsRoom.apply,
      onChange: () => {},
    });
    await sync.resync();
    sync.receive(6, retitled("One", 6));
    expect(sync.current?.showcases.a?.title).toBe("One");
    sync.receive(8, retitled("Three", 8));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sync.lastSeq).toBe(8);
    expect(sync.current?.showcases.a).toMatchObject({ title: "Three", summary: "Saved in 7" });
  });

  it("tells a phone it judges (or no longer does) by key; staff screens reload for the judges' names", () => {
    const phone = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, judge: false } });
    const made = { name: "presentation:judges-changed" as const, data: { judgeKeys: ["a:9", "p:1"] } };
    expect(presentationsRoom.reload?.(phone, made)).toBe(false);
    const judging = presentationsRoom.apply(phone, made);
    expect(judging.me.judge).toBe(true);
    expect(judging.judges).toBeNull();
    const unmade = { name: "presentation:judges-changed" as const, data: { judgeKeys: ["a:9"] } };
    expect(presentationsRoom.apply(judging, unmade).me.judge).toBe(false);
    const staffScreen = presentationsRoom.init({ ...snapshot, judges: [{ key: "a:9", name: "Sam" }], people: [] });
    expect(presentationsRoom.reload?.(staffScreen, made)).toBe(true);
  });

  it("reads the feedback again on the screens of the team it was written to and of the staff, and nowhere else", () => {
    const given = { name: "presentation:feedback-given", data: { teamId: "a" } } as const;
    const member = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, teamId: "a" } });
    const otherTeam = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, teamId: "b" } });
    const staffScreen = presentationsRoom.init({ ...snapshot, me: { ...snapshot.me, staff: true } });
    expect([member, otherTeam, staffScreen].map((s) => presentationsRoom.reload?.(s, given))).toEqual([true, false, true]);
  });

  it("floats each reaction up as a burst, and lets it go by its id", () => {
    let s = presentationsRoom.init(snapshot);
    const reacted = (counts: Record<string, number>) =>
      ({ name: "presentation:reacted", data: { room: "presentations:e", teamId: "a", counts } }) as const;
    s = presentationsRoom.apply(s, reacted({ clap: 1 }));
    s = presentationsRoom.apply(s, reacted({ clap: 1, love: 1 }));
    expect(s.bursts.map((b) => [b.id, b.kind])).toEqual([
      [1, "clap"],
      [2, "love"],
    ]);
    expect(s.reactions.a).toEqual({ clap: 1, love: 1 });
    expect(withoutBurst(s, 1).bursts.map((b) => b.id)).toEqual([2]);
  });

  it("takes a room's batched counts as they are, floating up a few of what they grew by", () => {
    let s = presentationsRoom.init(snapshot);
    const reacted = (teamId: string, counts: Record<string, number>) =>
      ({ name: "presentation:reacted", data: { room: "presentations:e", teamId, counts } }) as const;
    s = presentationsRoom.apply(s, reacted("a", { clap: 120, wow: 2 }));
    expect(s.reactions.a).toEqual({ clap: 120, wow: 2 });
    expect(s.bursts.map((b) => b.kind)).toEqual(["clap", "clap", "clap", "clap", "wow", "wow"]);
    // The same counts again (another process's batch): nothing new floats up.
    expect(presentationsRoom.apply(s, reacted("a", { clap: 120, wow: 2 })).bursts).toHaveLength(6);
    for (let i = 1; i <= 10; i++) s = presentationsRoom.apply(s, reacted("b", { love: 4 * i }));
    expect(s.reactions.b).toEqual({ love: 40 });
    expect(s.bursts).toHaveLength(25);
    expect(s.bursts.at(-1)).toMatchObject({ teamId: "b", kind: "love" });
  });

  it("shows the projected results and takes them down again", () => {
    const row = { teamId: "a", rank: 1, title: "Pocket parks", teamName: "Parks", combined: 100, votes: 3, judgesPercent: null };
    const shown = presentationsRoom.apply(presentationsRoom.init(snapshot), {
      name: "presentation:results-shown",
      data: { results: [row] },
    });
    expect(shown.results?.[0]?.title).toBe("Pocket parks");
    expect(presentationsRoom.apply(shown, { name: "presentation:results-shown", data: { results: null } }).results).toBeNull();
  });
});
