/**
 * Running the room (merged into contract.ts): the agenda's current phase, the shared countdown,
 * what the big screen shows, and nudges that invite phones somewhere. Facilitators' commands;
 * every change is broadcast in the event room as the whole room state, so a missed message is
 * healed by the next one and by the event snapshot.
 */
import { z } from "zod";
import type { TimerState } from "@/lib/room/timer";
import type { ActivityMessage, Unsigned } from "./contract-staff";

const id = z.string({ error: "Choose a board" }).min(1, "Choose a board").max(64);
const minutes = z
  .number({ error: "Minutes must be a number" })
  .positive("A timer needs more than 0 minutes")
  .max(720, "A timer can run for at most 12 hours");

/** What the big screen shows. */
export const wallSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("join") }).strict(),
    z.object({ kind: z.literal("board"), boardId: id }).strict(),
    z.object({ kind: z.literal("votes"), boardId: id }).strict(),
    z.object({ kind: z.literal("teams") }).strict(),
    z.object({ kind: z.literal("agenda") }).strict(),
    z.object({ kind: z.literal("announcement") }).strict(),
    z.object({ kind: z.literal("rotate") }).strict(),
    /** Presenter mode: the team on now, its clock, who is next, the room's reactions. */
    z.object({ kind: z.literal("presentations") }).strict(),
  ],
  { error: "Choose what the big screen shows: join, board, votes, teams, agenda, announcement, rotate or presentations" },
);
export type WallChoice = z.output<typeof wallSchema>;
/** As stored: a rotation remembers when it started, so every screen turns at the same moment. */
export type Wall = Exclude<WallChoice, { kind: "rotate" }> | { kind: "rotate"; startedAt: number };

export const roomCommandSchemas = {
  /** The server's clock, so a screen can work out its own offset to it. */
  "event:time": z.object({}).strict(),
  /** Starts the phase after the current one. `fromPhaseId` is what the sender saw as current. */
  "phase:next": z.object({ fromPhaseId: z.string().max(64).nullable().default(null) }).strict(),
  /** Starts a chosen phase (going back, or skipping ahead). */
  "phase:start": z.object({ phaseId: z.string({ error: "Choose a phase" }).min(1, "Choose a phase").max(64) }).strict(),
  "timer:start": z.object({ minutes: minutes.optional() }).strict(),
  "timer:pause": z.object({}).strict(),
  "timer:extend": z
    .object({
      seconds: z
        .number({ error: "Seconds must be a number" })
        .int("Seconds must be a whole number")
        .min(1, "Add at least a second")
        .max(3600, "Add at most an hour at a time")
        .default(60),
    })
    .strict(),
  "timer:reset": z.object({ minutes: minutes.optional() }).strict(),
  /** Switches every big screen; `nudge` also invites phones to the board or vote shown. */
  "screen:show": z.object({ wall: wallSchema, nudge: z.boolean().default(false) }).strict(),
} as const;

export type PhaseView = { id: string; name: string; startsAt: number; endsAt: number | null };
export type TimerView = TimerState;

/**
 * Who last changed the room and what, shown on every console ("Sam started the timer").
 * `replaced`: the change by someone else, moments before, that this one replaced, so neither
 * person is left thinking theirs stands.
 */
export type RoomChange = {
  what: "phase" | "timer" | "wall";
  /** In English; `message` says it in the reader's language (absent on older changes). */
  text: string;
  message?: ActivityMessage | null;
  by: string;
  /** `by` is the English stand-in for nobody's name ("A participant"). */
  unsigned?: Unsigned;
  /** Who, as a stable key (`a:<account>`), to tell one person's changes from another's. */
  byKey?: string;
  at: number;
  replaced?: { by: string; unsigned?: Unsigned; text: string; message?: ActivityMessage | null; at: number } | null;
};

/** The last change of each kind: what a change of that kind replaces, and who moved the phase on. */
export type RoomChanges = Partial<Record<RoomChange["what"], RoomChange>>;

export type RoomView = {
  phase: PhaseView | null;
  phaseStartedAt: number | null;
  timer: TimerView;
  wall: Wall;
  /** The latest change of any kind ("Sam started the timer"). */
  lastChange: RoomChange | null;
  changes: RoomChanges;
};

/** An invitation to every phone: never a forced navigation. */
export type NudgeView = {
  id: string;
  kind: "phase" | "board" | "votes";
  /** What the phone shows, e.g. "Explore has started" or the board's title. */
  title: string;
  /** Where it invites people: the board or vote the big screen showed; null for the event's page. */
  boardId: string | null;
  boardTitle: string | null;
  /** The board title's template key while it is still the template's own words: each phone says it in its language. */
  boardTitleKey?: string;
  by: string;
  at: number;
};

export type RoomCommandResults = {
  "event:time": { now: number };
  "phase:next": { room: RoomView };
  "phase:start": { room: RoomView };
  "timer:start": { room: RoomView };
  "timer:pause": { room: RoomView };
  "timer:extend": { room: RoomView };
  "timer:reset": { room: RoomView };
  "screen:show": { room: RoomView };
};

/** Sequenced in the event room. */
export type RoomEvents = {
  /** `agenda`: the whole agenda, when the organisers changed it (lib/events/tell-open-screens.ts). */
  "room:changed": { room: RoomView; agenda?: PhaseView[] };
  "room:nudged": { nudge: NudgeView };
};
