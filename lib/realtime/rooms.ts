/**
 * The read side of the real-time contract: every room a screen can follow, declared once.
 * For each kind of room: its key (the socket.io room, which also numbers its broadcasts), the
 * read command that loads its snapshot (and subscribes the socket), the events sequenced in it
 * and the volatile ones (absolute states, batched, not sequenced).
 *
 * Only types come from the other contract modules, so this file costs a phone page nothing
 * but the keys and a few names. The server's `Broadcast` and the client's `useRoom` are both
 * typed from here: an event sent to a room that does not carry it does not compile, and an
 * event that belongs in two rooms has a name in each.
 */
import type { AnnouncementView, CommandName, CommandPayload, CommandResults, PresenceCounts } from "./contract";
import type { BoardEvents, BoardView } from "./contract-boards";
import type { PresentationEvents, PresentationTeam, ReactionCounts } from "./contract-presentations";
import type { RoomEvents } from "./contract-room";
import type { StaffEvents } from "./contract-staff";
import type { TeamEvents } from "./contract-teams";
import type { TallyView, VotingEvents } from "./contract-voting";

/** Events sequenced in each kind of room. Names are unique across rooms (checked below). */
export type RoomEventMap = {
  /** Everyone in the event: the room's phase, timer and wall, nudges, announcements, the board list. */
  event: RoomEvents & {
    "announcement:made": { announcement: AnnouncementView };
    /** Staff took this announcement off every screen; it stays in the history. */
    "announcement:cleared": { announcementId: string };
    /** A board was created or changed (title, lock, reveal): the event's board list follows it. */
    "board:listed": { board: BoardView };
  };
  /** One board: its notes, groups and settings. */
  board: BoardEvents;
  /** Dot-voting on one board: its rounds (tallies are volatile). */
  votes: VotingEvents;
  /** The event's teams and people. */
  teams: TeamEvents;
  /** Final presentations: running order, showcases, reactions, judging. */
  presentations: PresentationEvents & {
    /** A team was created or renamed: presentations list it (and append it to the running order). */
    "presentation:team-changed": { team: PresentationTeam };
  };
  /** The people running the event: the activity log and who leads. Staff connections only. */
  staff: StaffEvents;
};

/** Absolute states sent to a room outside its sequence; the next one heals a missed one. */
export type RoomVolatileMap = {
  event: {
    "presence:updated": PresenceCounts;
    /** A board's note count, batched per board: the board lists' counts follow it. */
    "board:counted": { boardId: string; notes: number };
  };
  board: Record<never, never>;
  votes: { "vote:tallied": TallyView & { room: string } };
  teams: Record<never, never>;
  presentations: {
    /**
     * A team's cheer counts, batched per team (a room applauding is a few of these a second, not a
     * message per tap to every screen); a screen floats up what they grew by.
     */
    "presentation:reacted": { room: string; teamId: string; counts: ReactionCounts[string] };
  };
  staff: Record<never, never>;
};

export type RoomKind = keyof RoomEventMap;

/** A room's key, branded with its kind so a broadcast cannot name the wrong room. */
export type RoomKey<K extends RoomKind> = string & { readonly roomKind: K };

type Declaration = {
  key: (id: string) => string;
  /** The read that loads the room's snapshot and subscribes the socket; null: joined by the server. */
  snapshot: CommandName | null;
  volatile: readonly string[];
};

/** The runtime half: keys, snapshot reads, volatile event names. */
export const roomContract = {
  event: { key: (eventId) => `event:${eventId}`, snapshot: "event:snapshot", volatile: ["presence:updated", "board:counted"] },
  board: { key: (boardId) => `board:${boardId}`, snapshot: "board:open", volatile: [] },
  votes: { key: (boardId) => `votes:${boardId}`, snapshot: "vote:state", volatile: ["vote:tallied"] },
  teams: { key: (eventId) => `teams:${eventId}`, snapshot: "teams:snapshot", volatile: [] },
  presentations: {
    key: (eventId) => `presentations:${eventId}`,
    snapshot: "presentation:state",
    volatile: ["presentation:reacted"],
  },
  staff: { key: (eventId) => `event:${eventId}:staff`, snapshot: "staff:snapshot", volatile: [] },
} as const satisfies Record<RoomKind, Declaration>;

type Declared = typeof roomContract;

/** The read command of a room with a snapshot, and what it answers. */
export type SnapshotCommand<K extends RoomKind> = Extract<Declared[K]["snapshot"], CommandName>;
export type RoomSnapshot<K extends RoomKind> = CommandResults[SnapshotCommand<K>];

/** The snapshot read's payload for the room of this id (a board's id, or nothing for event-wide rooms). */
export function snapshotPayload<K extends RoomKind>(kind: K, id: string): CommandPayload<SnapshotCommand<K>> {
  return (kind === "board" || kind === "votes" ? { boardId: id } : {}) as CommandPayload<SnapshotCommand<K>>;
}

/** Room keys, e.g. `rooms.board(boardId)`. */
export const rooms = Object.fromEntries(Object.entries(roomContract).map(([kind, d]) => [kind, d.key])) as {
  [K in RoomKind]: (id: string) => RoomKey<K>;
};

/** Every event of a room, sequenced or volatile, as a reducer receives it. */
export type RoomEvent<K extends RoomKind> = {
  [E in keyof (RoomEventMap[K] & RoomVolatileMap[K])]: { name: E; data: (RoomEventMap[K] & RoomVolatileMap[K])[E] };
}[keyof (RoomEventMap[K] & RoomVolatileMap[K])];

/** A sequenced event of a room. */
export type SequencedRoomEvent<K extends RoomKind> = {
  [E in keyof RoomEventMap[K]]: { name: E; data: RoomEventMap[K][E] };
}[keyof RoomEventMap[K]];

/** What the server sends to a room: only events that room carries. */
export type Broadcast = {
  [K in RoomKind]: {
    [E in keyof RoomEventMap[K]]: { room: RoomKey<K>; event: E; data: RoomEventMap[K][E] };
  }[keyof RoomEventMap[K]];
}[RoomKind];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every sequenced event of every room, by name. */
export type SequencedEvents = UnionToIntersection<RoomEventMap[RoomKind]>;
export type SequencedEventName = keyof SequencedEvents;
export type VolatileEvents = UnionToIntersection<RoomVolatileMap[RoomKind]>;

// An event name used by two rooms would make a screen of one apply the other's events.
type Overlap<A extends RoomKind, B extends RoomKind> = A extends B
  ? never
  : Extract<keyof RoomEventMap[A] | keyof RoomVolatileMap[A], keyof RoomEventMap[B] | keyof RoomVolatileMap[B]>;
type SharedNames = { [A in RoomKind]: { [B in RoomKind]: Overlap<A, B> }[RoomKind] }[RoomKind];
const eventNamesAreUnique: [SharedNames] extends [never] ? true : { shared: SharedNames } = true;
void eventNamesAreUnique;

/** Rooms a screen follows by reading their snapshot (the staff room is joined by the server). */
export type FollowedRoomKind = { [K in RoomKind]: Declared[K]["snapshot"] extends null ? never : K }[RoomKind];

/**
 * What a feature supplies to follow a room: its state from the snapshot, and how each event
 * changes it. Pure, so it is unit-tested without a socket and every screen converges the same way.
 */
export type RoomReducer<K extends FollowedRoomKind, S> = {
  init(snapshot: RoomSnapshot<K>): S;
  apply(state: S, event: RoomEvent<K>): S;
  /** Whether this event means the screen must reload the snapshot to see what it now may. */
  reload?(state: S, event: RoomEvent<K>): boolean;
};

/** The event of a room keyed by its event (the event's own, its teams, presentations, staff); null for a board's rooms. */
export function eventOfRoom(room: string): string | null {
  const match = /^(?:event|teams|presentations):([^:]+)(?::staff)?$/.exec(room);
  return match?.[1] ?? null;
}
