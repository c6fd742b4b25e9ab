import { describe, expect, it } from "vitest";
import { ChangeClock, drawnMarginMs, OwnNewsClock } from "./missed-changes";

describe("what a page missed between its drawing and its first connect", () => {
  it("says each kind of change told after the page was drawn, and nothing of another event", () => {
    let now = 100_000;
    const clock = new ChangeClock(() => now);
    const drawnAt = now;
    expect(clock.since("e1", drawnAt)).toBeNull();
    now += 50;
    clock.note("e1", { kind: "details", what: "agenda" });
    clock.note("e1", { kind: "brief", briefId: "b1" });
    clock.note("e1", { kind: "languages" });
    expect(clock.since("e1", drawnAt)).toEqual({ details: ["agenda"], languages: true, briefs: ["b1"], news: true, own: [] });
    expect(clock.since("e2", drawnAt)).toBeNull();
  });

  it("counts a change from a moment before the drawing (the page's reads came first), not one long before", () => {
    let now = 1_000_000;
    const clock = new ChangeClock(() => now);
    clock.note("e1", { kind: "details", what: "details" });
    now += drawnMarginMs - 1;
    expect(clock.since("e1", now)?.details).toEqual(["details"]);
    now += 2;
    expect(clock.since("e1", now)).toBeNull();
  });

  it("tells news alone after a command, and keeps only the latest time of each kind", () => {
    let now = 1_000_000;
    const clock = new ChangeClock(() => now);
    clock.note("e1", { kind: "details", what: "status" });
    now += drawnMarginMs * 2;
    const drawnAt = now;
    now += 10;
    clock.note("e1", { kind: "news" });
    expect(clock.since("e1", drawnAt)).toEqual({ details: [], languages: false, briefs: [], news: true, own: [] });
    // Heard late from another process with an earlier time: the later one stands.
    clock.note("e1", { kind: "news" }, 5);
    expect(clock.since("e1", drawnAt)?.news).toBe(true);
  });

  it("remembers a bounded number of briefs per event, the latest ones", () => {
    let now = 1_000_000;
    const clock = new ChangeClock(() => now);
    const drawnAt = now;
    for (let i = 0; i < 250; i++) {
      now += 1;
      clock.note("e1", { kind: "brief", briefId: `b${i}` });
    }
    const briefs = clock.since("e1", drawnAt)?.briefs ?? [];
    expect(briefs.length).toBe(200);
    expect(briefs).toContain("b249");
    expect(briefs).not.toContain("b0");
  });
});

describe("a person's own news missed by their page", () => {
  it("says what happened to them after the page was drawn, and nothing of anyone else", () => {
    let now = 1_000_000;
    const clock = new OwnNewsClock(() => now);
    const drawnAt = now;
    clock.note("amara", "devices:changed");
    clock.note("ben", "profile:renamed");
    expect(clock.since("amara", drawnAt)).toEqual(["devices:changed"]);
    expect(clock.since("cy", drawnAt)).toEqual([]);
    now += drawnMarginMs + 1;
    expect(clock.since("amara", now)).toEqual([]);
  });

  it("keeps a bounded number of people, the longest quiet going first", () => {
    const clock = new OwnNewsClock(() => 1_000_000, 3);
    for (const person of ["a", "b", "c"]) clock.note(person, "profile:renamed");
    clock.note("a", "devices:changed");
    clock.note("d", "profile:renamed");
    expect(clock.since("b", 1_000_000)).toEqual([]);
    expect(clock.since("a", 1_000_000)).toEqual(["profile:renamed", "devices:changed"]);
  });
});
