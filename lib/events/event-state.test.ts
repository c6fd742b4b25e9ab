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
  room: {
    phase: null,
    phaseStartedAt: null,
    timer: { status: "idle", durationMs: 300_000, endsAt: null, remainingMs: 300_000 },
    wall: { kind: "join" },
    lastChange: null,
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
    s = eventRoom.apply(s, { name: "board:counted", data: { boardId: "w", notes: 12 } });
    expect(s.noteCounts).toEqual({ w: 12 });
  });

  it("takes the room's changes, nudges and announcements as they come", () => {
    let s = eventRoom.init(snapshot);
    const nudge = { id: "n", kind: "votes" as const, title: "Welcome", boardId: "w", boardTitle: "Welcome", by: "Sam", at: 1 };
    s = eventRoom.apply(s, { name: "room:nudged", data: { nudge } });
    s = eventRoom.apply(s, { name: "announcement:made", data: { announcement: { id: "a", text: "Lunch", createdAt: 2 } } });
    expect(s.nudge).toEqual(nudge);
    expect(s.announcement?.text).toBe("Lunch");
  });
});
