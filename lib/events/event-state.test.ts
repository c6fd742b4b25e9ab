import { describe, expect, it } from "vitest";
import type { BoardView, EventSnapshot, PresenceCounts } from "@/lib/realtime/contract";
import { eventRoom } from "./event-state";

const presence = (version: number, people: number): PresenceCounts => ({
  eventId: "e",
  version,
  people,
  participants: people,
  staff: 0,
  rooms: {},
});
const snapshot = {
  seq: 3,
  event: { id: "e", slug: "s", name: "Made in Lambeth", joinCode: "K7Q4MX" },
  me: { kind: "participant", name: "Amira", role: "participant" },
  presence: presence(5, 2),
  announcement: null,
  announcements: [],
  room: {
    phase: null,
    phaseStartedAt: null,
    timer: { status: "idle", durationMs: 300_000, endsAt: null, remainingMs: 300_000 },
    wall: { kind: "join" },
    lastChange: null,
    changes: {},
  },
  agenda: [],
  nudge: null,
  boards: [
    {
      id: "w",
      title: "Welcome",
      teamId: null,
      teamName: null,
      template: "welcome",
      locked: false,
      hiddenUntilReveal: false,
      revealed: false,
    },
  ],
  noteCounts: { w: 3 },
} satisfies EventSnapshot;
const board: BoardView = {
  id: "t1",
  eventId: "e",
  teamId: "team",
  title: "Our ideas",
  template: "ideas",
  columns: [],
  locked: false,
  anonymous: false,
  hiddenUntilReveal: false,
  revealed: false,
  mapUrl: null,
};

describe("the event room's reducer", () => {
  it("takes the agenda the organisers saved with the room, and keeps it when a phase starts", () => {
    const agenda = [
      { id: "p1", name: "Explore", startsAt: 1, endsAt: null },
      { id: "p2", name: "Make", startsAt: 2, endsAt: null },
    ];
    let s = eventRoom.init(snapshot);
    s = eventRoom.apply(s, { name: "room:changed", data: { room: snapshot.room, agenda } });
    expect(s.snapshot.agenda).toEqual(agenda);
    const started = { ...snapshot.room, phase: agenda[0]!, phaseStartedAt: 5 };
    s = eventRoom.apply(s, { name: "room:changed", data: { room: started } });
    expect(s.room).toEqual(started);
    expect(s.snapshot.agenda).toEqual(agenda);
  });

  it("lists a board made after the snapshot, and follows its changes", () => {
    let s = eventRoom.init(snapshot);
    s = eventRoom.apply(s, { name: "board:listed", data: { board } });
    expect(s.boards.map((b) => b.id)).toEqual(["w", "t1"]);
    s = eventRoom.apply(s, { name: "board:listed", data: { board: { ...board, title: "Renamed", locked: true } } });
    expect(s.boards.find((b) => b.id === "t1")).toMatchObject({ title: "Renamed", locked: true });
  });

  it("keeps the newer presence whatever order counts arrive in, and counts notes per board", () => {
    let s = eventRoom.init(snapshot);
    s = eventRoom.apply(s, { name: "presence:updated", data: presence(7, 4) });
    s = eventRoom.apply(s, { name: "presence:updated", data: presence(6, 3) });
    expect(s.presence.people).toBe(4);
    expect(s.noteCounts).toEqual({ w: 3 });
    s = eventRoom.apply(s, { name: "board:counted", data: { boardId: "w", notes: 12 } });
    expect(s.noteCounts).toEqual({ w: 12 });
    // A reload (a reconnect, a missed message) shows the counts of its snapshot, not those the page was drawn with.
    expect(eventRoom.init({ ...snapshot, noteCounts: { w: 40 } }).noteCounts).toEqual({ w: 40 });
  });

  it("takes the room's changes, nudges and announcements as they come", () => {
    let s = eventRoom.init(snapshot);
    const nudge = { id: "n", kind: "votes" as const, title: "Welcome", boardId: "w", boardTitle: "Welcome", by: "Sam", at: 1 };
    s = eventRoom.apply(s, { name: "room:nudged", data: { nudge } });
    s = eventRoom.apply(s, {
      name: "announcement:made",
      data: { announcement: { id: "a", text: "Lunch", createdAt: 2, shownAt: 2, position: 1 } },
    });
    expect(s.nudge).toEqual(nudge);
    expect(s.announcement?.text).toBe("Lunch");
  });
});

describe("the announcement history", () => {
  const a = (id: string, position: number, createdAt = 1_000) => ({ id, text: id, createdAt, shownAt: createdAt, position });
  it("keeps both of two announcements sent in the same millisecond, whichever arrives first", () => {
    let one = eventRoom.init(snapshot);
    one = eventRoom.apply(one, { name: "announcement:made", data: { announcement: a("first", 1) } });
    one = eventRoom.apply(one, { name: "announcement:made", data: { announcement: a("second", 2) } });
    let two = eventRoom.init(snapshot);
    two = eventRoom.apply(two, { name: "announcement:made", data: { announcement: a("second", 2) } });
    two = eventRoom.apply(two, { name: "announcement:made", data: { announcement: a("first", 1) } });
    expect(one.announcements.map((x) => x.id)).toEqual(["second", "first"]);
    expect(two.announcements).toEqual(one.announcements);
    expect(two.announcement?.id).toBe("second");
  });

  it("shows an earlier one again at the top, once", () => {
    let s = eventRoom.init({ ...snapshot, announcements: [a("b", 2), a("a", 1)] });
    s = eventRoom.apply(s, { name: "announcement:made", data: { announcement: a("a", 3) } });
    expect(s.announcements.map((x) => [x.id, x.position])).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
    expect(s.announcement?.id).toBe("a");
    // A late copy of its old place does not move it back.
    s = eventRoom.apply(s, { name: "announcement:made", data: { announcement: a("a", 1) } });
    expect(s.announcement?.position).toBe(3);
  });

  it("takes the showing announcement off when staff clear it, and keeps it in the history", () => {
    let s = eventRoom.init({ ...snapshot, announcement: a("b", 2), announcements: [a("b", 2), a("a", 1)] });
    expect(s.announcement?.id).toBe("b");
    // Clearing one that no longer shows changes nothing.
    s = eventRoom.apply(s, { name: "announcement:cleared", data: { announcementId: "a" } });
    expect(s.announcement?.id).toBe("b");
    s = eventRoom.apply(s, { name: "announcement:cleared", data: { announcementId: "b" } });
    expect(s.announcement).toBeNull();
    expect(s.announcements.map((x) => x.id)).toEqual(["b", "a"]);
    // A late copy of an older one does not bring an announcement back; a new one shows.
    s = eventRoom.apply(s, { name: "announcement:made", data: { announcement: a("a", 1) } });
    expect(s.announcement).toBeNull();
    s = eventRoom.apply(s, { name: "announcement:made", data: { announcement: a("c", 3) } });
    expect(s.announcement?.id).toBe("c");
  });

  it("starts with none showing when the server says the latest was cleared", () => {
    const s = eventRoom.init({ ...snapshot, announcement: null, announcements: [a("b", 2)] });
    expect(s.announcement).toBeNull();
    expect(s.announcements).toHaveLength(1);
  });
});
