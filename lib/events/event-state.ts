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
  /** The one showing: the highest place in the history. */
  announcement: AnnouncementView | null;
  /** The latest announcements, newest (highest place) first. */
  announcements: AnnouncementView[];
  room: RoomView;
  /** The latest invitation to go somewhere, from the snapshot (while recent) or as it happens. */
  nudge: NudgeView | null;
  /** Every board of the event, plenary first. */
  boards: BoardListing[];
  presence: PresenceCounts;
  /** Boards' note counts, from the snapshot and as they change. */
  noteCounts: Record<string, number>;
};

/** How many announcements a screen keeps (the server sends as many in a snapshot). */
const historyLength = 20;

/**
 * Adds an announcement (new, or an earlier one shown again with a new place) to the history.
 * Ordered by place, not by arrival, so every screen agrees on which is showing whatever order
 * two same-millisecond announcements arrive in.
 */
export function withAnnouncement(history: AnnouncementView[], a: AnnouncementView): AnnouncementView[] {
  const kept = history.filter((h) => h.id !== a.id);
  const existing = history.find((h) => h.id === a.id);
  // A late copy of an older place (a retry's broadcast) does not move it back.
  const next = existing && existing.position > a.position ? existing : a;
  return [next, ...kept].sort((x, y) => y.position - x.position || y.createdAt - x.createdAt).slice(0, historyLength);
}

const sameEvent = (a: PresenceCounts, b: PresenceCounts) => a.eventId === b.eventId;

export const eventRoom: RoomReducer<"event", EventState> = {
  init: (s) => ({
    snapshot: s,
    // The server says whether the latest still shows (staff may have cleared it).
    announcement: s.announcement ? (s.announcements[0] ?? s.announcement) : null,
    announcements: s.announcements,
    room: s.room,
    nudge: s.nudge,
    boards: s.boards,
    presence: s.presence,
    noteCounts: s.noteCounts,
  }),
  apply(state, e) {
    switch (e.name) {
      case "announcement:made": {
        const announcements = withAnnouncement(state.announcements, e.data.announcement);
        // A late copy of one that is not the latest changes nothing that shows (nor revives a cleared one).
        if (announcements[0]?.id !== e.data.announcement.id) return { ...state, announcements };
        return { ...state, announcements, announcement: announcements[0] ?? null };
      }
      case "announcement:cleared":
        return state.announcement?.id === e.data.announcementId ? { ...state, announcement: null } : state;
      case "room:changed":
        // The agenda comes with it when the organisers changed it: the phase list and "Start next" follow.
        return e.data.agenda
          ? { ...state, room: e.data.room, snapshot: { ...state.snapshot, agenda: e.data.agenda } }
          : { ...state, room: e.data.room };
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
