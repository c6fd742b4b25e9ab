/**
 * The one real-time contract between phones, screens and the server. Both sides import it.
 * Commands (client → server) are named `domain:verb` and always answered with an ack; events
 * (server → client) say what happened, in the past tense.
 */
import { z } from "zod";
import { type AccessEndedReason, type ErrorCode, limits } from "./constants";
import { type BoardCommandResults, type BoardListing, boardCommandSchemas, type WireNote } from "./contract-boards";
import { type PresentationCommandResults, presentationCommandSchemas } from "./contract-presentations";
import { type NudgeView, type PhaseView, type RoomCommandResults, type RoomView, roomCommandSchemas } from "./contract-room";
import { type StaffCommandResults, staffCommandSchemas } from "./contract-staff";
import { type TeamCommandResults, teamCommandSchemas } from "./contract-teams";
import { type VotingCommandResults, votingCommandSchemas } from "./contract-voting";
import type { MissedChanges } from "./missed-changes";
import type { SequencedEventName, SequencedEvents, VolatileEvents } from "./rooms";

export * from "./constants";
export * from "./contract-boards";
export * from "./contract-presentations";
export * from "./contract-room";
export * from "./contract-staff";
export * from "./contract-teams";
export * from "./contract-voting";
export * from "./rooms";

const clean = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} can't be empty`)
    .max(max, `${what} must be ${max} characters or fewer`);

/** Every command: what its payload must look like, and what its ack carries back. */
export const commandSchemas = {
  "event:snapshot": z.object({}).strict(),
  ...boardCommandSchemas,
  ...teamCommandSchemas,
  ...votingCommandSchemas,
  ...roomCommandSchemas,
  ...presentationCommandSchemas,
  ...staffCommandSchemas,
  "announcement:send": z.object({ text: clean(limits.announcementText, "An announcement") }).strict(),
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<N extends CommandName> = z.input<(typeof commandSchemas)[N]>;
export type ParsedPayload<N extends CommandName> = z.output<(typeof commandSchemas)[N]>;
export const commandNames = Object.keys(commandSchemas) as CommandName[];

/** What a client sends: a payload plus the id its device generated, so a retry applies once. */
export const envelopeSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "command id must be 8–64 letters, digits, - or _"),
  payload: z.unknown(),
});
export type Envelope<N extends CommandName> = { id: string; payload: CommandPayload<N> };

export type CommandError = { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };

export type Ack<R> = { ok: true; result: R; duplicate?: boolean } | { ok: false; error: CommandError };

// ---- shapes carried by results and events ----

/** A note as a screen shows it: the wire note plus whether it is this viewer's. */
export type NoteView = import("./contract-boards").WireNote & { mine: boolean };

export type PresenceCounts = {
  eventId: string;
  /** Grows with every arrival and departure: a client keeps the highest it saw. */
  version: number;
  /** Distinct people connected now. */
  people: number;
  participants: number;
  staff: number;
  /** Distinct people per room, e.g. `board:<id>`. */
  rooms: Record<string, number>;
};

/** `position` orders the history; the highest is the one showing. */
/** `shownAt`: when it was last put on every screen (sent, or shown again); `createdAt`: when it was first sent. */
export type AnnouncementView = { id: string; text: string; createdAt: number; shownAt: number; position: number };

export type EventSnapshot = {
  seq: number;
  event: { id: string; slug: string; name: string; joinCode: string };
  me: { kind: "participant" | "staff"; name: string; role: Role };
  presence: PresenceCounts;
  announcement: AnnouncementView | null;
  /** The latest announcements, newest first: the history a console can show again. */
  announcements: AnnouncementView[];
  /** The current phase, the timer and the big screen's wall. */
  room: RoomView;
  /** The agenda in running order. */
  agenda: PhaseView[];
  /** The latest invitation to phones, while it is recent; a phone that joins late still gets it. */
  nudge: NudgeView | null;
  /** Every board of the event, plenary first: what the console and the big screen choose from. */
  boards: BoardListing[];
  /** How many notes each board holds (a board with none is left out); kept live by `board:counted`. */
  noteCounts: Record<string, number>;
};

export type Role = "organiser" | "facilitator" | "participant";

export type CommandResults = BoardCommandResults &
  TeamCommandResults &
  VotingCommandResults &
  RoomCommandResults &
  PresentationCommandResults &
  StaffCommandResults & {
    "event:snapshot": EventSnapshot;
    "announcement:send": { announcement: AnnouncementView };
  };

export type Sequenced<N extends SequencedEventName> = { room: string; seq: number; data: SequencedEvents[N] };

/** Sequenced events carry their room and number; volatile ones are absolute states (see rooms.ts). */
export type ServerToClientEvents = {
  [E in SequencedEventName]: (message: Sequenced<E>) => void;
} & {
  [E in keyof VolatileEvents]: (message: VolatileEvents[E]) => void;
} & {
  /** Sent just before the server disconnects a socket whose access was taken away. */
  "access:ended": (info: { reason: AccessEndedReason; message: string }, ack: () => void) => void;
  /** Another device has just signed in as this participant (by their personal link). */
  "device:signed-in": (info: { label: string }) => void;
  /** One of this participant's devices was signed out from another: their device lists draw again. */
  "devices:changed": (info: Record<string, never>) => void;
  /**
   * This participant's name changed (on one of their devices, or their age band now shows initials):
   * their screens draw it again. Their own notes the room can't read yet carry their name only in
   * a snapshot, so a board holding some opens again. Says nothing of the name itself.
   */
  "profile:renamed": (info: Record<string, never>) => void;
  /** This participant saved their answers on one of their devices (name unchanged): a form showing them draws them again. */
  "profile:changed": (info: Record<string, never>) => void;
  /**
   * A note of this person's was written, edited or brought back on another of their screens, and
   * the room's copy holds back what they may read of it (their tag on an anonymous board, their
   * words while it is hidden): their copy, for a screen showing its board.
   */
  "note:yours": (info: { note: WireNote }) => void;
  /** This person's dots in a round changed without their casting (an undo gave back dots a delete had returned): their screens show them. */
  "vote:yours": (info: { boardId: string; roundId: string; mine: Record<string, number> }) => void;
  /** This judge's scores for a team changed on another of their screens: this one shows them. */
  "judge:yours": (info: { teamId: string; scores: Record<string, number> }) => void;
  /** Staff: the event's audit log has new entries (staff opened personal data, downloaded an export…); its page draws again. */
  "event:audited": (info: Record<string, never>) => void;
  /** This person (a participant, or a staff member on any event) chose another language on one of their devices: the others follow. */
  "language:chosen": (info: { language: string }) => void;
  /** The organisers changed the event's languages: the big screen, which speaks them, reloads its words. */
  "event:languages-changed": (info: { language: string }) => void;
  /**
   * The organisers changed what the pages were drawn with (the event's name and place, its
   * agenda, a brief, the join code): open screens fetch their server-drawn parts again.
   */
  "event:details-changed": (info: { what: EventDetail }) => void;
  /**
   * A team saved a new framing of this brief (by a form, outside any socket command): the pages
   * that draw reframes (the brief's own page, the organisers' review) fetch them again.
   */
  "brief:reframed": (info: { briefId: string }) => void;
  /**
   * Something the event's record holds changed (a note, a dot, a showcase, feedback, a score, the
   * activity log, a project's check-in…): the organisers' review, drawn by the server from all of
   * it, fetches itself again. To the staff room only, at most every couple of seconds per event
   * (fanoutPolicy.recordIntervalMs); it says nothing of what changed.
   */
  "event:record-changed": (info: Record<string, never>) => void;
  /**
   * To one socket, on its page's first connect: what changed in the event between the server's
   * drawing of the page and that connect, told to nobody on this page (./missed-changes.ts).
   */
  "page:missed-changes": (missed: MissedChanges) => void;
};

/** What of an event its organisers changed, outside any socket command. */
export type EventDetail = "details" | "agenda" | "briefs" | "join-code" | "status" | "privacy";

/**
 * Every server → client event, at run time. The compiler refuses this table when an event is
 * added to the contract without it, so the tests that walk every event (who may see what, e.g.
 * test/integration/public-names.test.ts) cover a new event from the day it exists.
 */
const everyServerEvent: Record<keyof ServerToClientEvents, true> = {
  "note:created": true,
  "note:changed": true,
  "note:deleted": true,
  "group:changed": true,
  "group:removed": true,
  "board:changed": true,
  "team:membership-changed": true,
  "team:created": true,
  "team:updated": true,
  "participant:joined": true,
  "participant:profile-updated": true,
  "participant:left": true,
  "vote:round-changed": true,
  "vote:dots-returned": true,
  "room:changed": true,
  "room:nudged": true,
  "showcase:changed": true,
  "presentation:run-changed": true,
  "presentation:results-shown": true,
  "presentation:reacted": true,
  "presentation:criteria-changed": true,
  "presentation:judges-changed": true,
  "presentation:scored": true,
  "presentation:feedback-given": true,
  "announcement:made": true,
  "announcement:cleared": true,
  "presence:updated": true,
  "vote:tallied": true,
  "board:counted": true,
  "board:listed": true,
  "presentation:team-changed": true,
  "activity:logged": true,
  "lead:changed": true,
  "staff:changed": true,
  "access:ended": true,
  "device:signed-in": true,
  "devices:changed": true,
  "profile:renamed": true,
  "profile:changed": true,
  "note:yours": true,
  "vote:yours": true,
  "judge:yours": true,
  "event:audited": true,
  "language:chosen": true,
  "event:languages-changed": true,
  "event:details-changed": true,
  "brief:reframed": true,
  "event:record-changed": true,
  "page:missed-changes": true,
};
export const serverEventNames = Object.keys(everyServerEvent) as (keyof ServerToClientEvents)[];

export type ClientToServerEvents = {
  [N in CommandName]: (envelope: Envelope<N>, ack: (response: Ack<CommandResults[N]>) => void) => void;
};
