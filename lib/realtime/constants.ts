/**
 * The parts of the real-time contract a browser needs at run time (room names, limits, error
 * codes), kept free of zod so a phone page does not download the schemas. contract.ts
 * re-exports all of it: the contract is still declared once.
 */

export const boardLimits = { noteText: 280, groupTitle: 80, boardTitle: 80, columnTitle: 40, columns: 8, copyNotes: 200 };

export const noteColours = ["yellow", "pink", "blue", "green", "orange"] as const;
export type NoteColour = (typeof noteColours)[number];

/**
 * Sockets one person may hold open on one server process: every phone, laptop, tab and projector
 * they use, with room to spare. Past it a new screen is refused ("too_many_screens") and tries
 * again by itself a little later.
 */
export const screensPerPerson = 30;

export const limits = {
  noteText: boardLimits.noteText,
  announcementText: 240,
  /** Bytes; socket.io refuses larger frames before any handler runs. */
  maxPayloadBytes: 64 * 1024,
};

/**
 * The closed set of error codes a command can be refused with.
 * - invalid: the payload failed validation (`issues` says which field and why); nothing changed.
 * - unauthenticated: the socket has no valid identity for this event.
 * - forbidden: the identity is known but its role may not do this.
 * - not_found: the thing referred to does not exist in this event.
 * - conflict: the command is valid but the current state does not allow it.
 * - rate_limited: too many commands from this connection; retry shortly.
 * - internal: the server failed; retrying with the same id is safe.
 */
export const errorCodes = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * How long the server remembers a command it applied (lib/realtime/command-log.ts): a retry
 * within it is answered, not applied again. Phones stop resending a command an hour before it,
 * so nothing is ever applied twice because it was forgotten.
 */
export const commandLogWindowMs = 24 * 3600 * 1000;
export const outboxMaxAgeMs = commandLogWindowMs - 3600 * 1000;

/** Errors after which sending the same command again might succeed. */
export const retryableCodes: ReadonlySet<ErrorCode> = new Set(["rate_limited", "internal"]);

export const presentationLimits = { title: 120, summary: 200, long: 4000, links: 8, images: 8, feedback: 500 };
/** A showcase link's name and address. */
export const linkLimits = { title: 80, url: 500 };

/** Quick appreciation from phones, shown live on the big screen. */
export const reactionKinds = ["clap", "love", "wow", "idea"] as const;
export type ReactionKind = (typeof reactionKinds)[number];
/**
 * How a phone cheers. `perTeam`: taps per person per team, enough to cheer, not enough to flood the
 * screen's counters. `paceMs`: a phone sends one cheer command at a time, at most one this often,
 * carrying every tap made since (as `times`): a person drumming on the button sends a few commands
 * a second, not fifty, and each tap still counts. The server holds each person to twice that pace.
 */
export const reactionLimits = { perTeam: 30, paceMs: 400 } as const;

export const reactionLabels: Record<ReactionKind, { emoji: string; label: string }> = {
  clap: { emoji: "👏", label: "Applause" },
  love: { emoji: "❤️", label: "Love it" },
  wow: { emoji: "🤩", label: "Wow" },
  idea: { emoji: "💡", label: "Great idea" },
};

export { type RoomKey, type RoomKind, roomContract, rooms } from "./rooms";

/**
 * Sent by every client when it connects. Bump it when a command or an event changes shape or
 * name: a page built for another version reloads instead of replaying stale commands.
 * 2: rooms declared in rooms.ts (the event room's board list, votes in their own room).
 * 3: `presentation:judges-changed` carries the judges' keys, not their names.
 * 4: the handshake names the person whose outbox the page sends (`person`); a page from before
 *    kept one outbox per event, and would send the last person's queue as whoever is here now.
 * 5: `showcase:changed` carries what a save changed, not the whole showcase, and `showcase:save`
 *    answers only that it was saved.
 * 6: `presentation:reacted` is a team's cheer counts, batched and not sequenced, with no `kind`;
 *    `presentation:react` carries the taps folded into it (`times`).
 */
export const contractVersion = 6;

/**
 * Why the server closed a socket's access; the phone or screen says so instead of reconnecting.
 * `closed`: the event was taken back to draft; `finished`: it was archived, the weekend is over.
 * Either way the person is still themselves: their phone keeps trying, and is back in the room,
 * as them, if the event is published again.
 */
export type AccessEndedReason = "left" | "removed" | "ended" | "closed" | "finished" | "flood" | "replaced";
export const accessEndedMessage: Record<AccessEndedReason, string> = {
  left: "You've left this event.",
  removed: "You've been taken out of this event by its organisers.",
  ended: "You're no longer signed in to this event. Reload the page to carry on.",
  closed: "This event isn't open at the moment. Keep this page open: you'll be back in as soon as it opens again.",
  finished: "This event has finished. Thank you for taking part.",
  flood: "You're sending far faster than a person can, so you've been paused. Wait a minute: this page carries on by itself.",
  replaced: "You've signed in on another device.",
};
