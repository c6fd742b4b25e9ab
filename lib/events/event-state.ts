/**
 * The event room as every screen holds it (phase, timer, wall, nudge, announcement, board list,
 * presence) and how each event changes it. Pure, for the browser and unit tests alike.
 */
import { upsertListing } from "@/lib/boards/board-list";
import { newer } from "@/lib/realtime/client/newest";
import type { AnnouncementView, BoardListing, EventSnapshot, NudgeView, PresenceCounts, RoomView } from "@/lib/realtime/contract";
import type { RoomReducer } from "@/lib/realtime/rooms";

export type EventState = {
  snapshot: EventSnapshot;
  announcement: AnnouncementView | null;
  room: RoomView;
  /** The latest invitation to go somewhere, from the snapshot (while recent) or as it happens. */
  nudge: NudgeView | null;
  /** Every board of the event, plenary first. */
  boards: BoardListing[];
  presence: PresenceCounts;
  /** Boards' note counts heard since the snapshot (a screen starts from the counts it loaded with). */
  noteCounts: Record<string, number>;
};

const sameEvent = (a: PresenceCounts, b: PresenceCounts) => a.eventId === b.eventId;

export const eventRoom: RoomReducer<"event", EventState> = {
  init: (s) => ({
    snapshot: s,
    announcement: s.announcement,
    room: s.room,
    nudge: s.nudge,
    boards: s.boards,
    presence: s.presence,
    noteCounts: {},
  }),
  apply(state, e) {
    switch (e.name) {
      case "announcement:made":
        return { ...state, announcement: e.data.announcement };
      case "room:changed":
        return { ...state, room: e.data.room };
      case "room:nudged":
        return { ...state, nudge: e.data.nudge };
      case "board:listed":
        return { ...state, boards: upsertListing(state.boards, e.data.board) };
      case "board:counted":
        return { ...state, noteCounts: { ...state.noteCounts, [e.data.boardId]: e.data.notes } };
      case "presence:updated":
        return { ...state, presence: newer(state.presence, e.data, sameEvent) };
    }
  },
};
