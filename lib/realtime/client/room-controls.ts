import type { CommandName } from "../contract";

/**
 * Commands that change the room for everyone at once: the phase, the timer, the big screen, an
 * announcement, a vote's stages, the presenter, who leads. They are sent now or not at all: kept
 * in an outbox while the laptop was offline and sent when it came back, perhaps an hour later,
 * they would override what the room has moved on to, without anyone being told. The facilitator
 * is told at once instead, and tries again (what they typed stays where they typed it).
 */
export const roomControls: ReadonlySet<CommandName> = new Set<CommandName>([
  "phase:next",
  "phase:start",
  "timer:start",
  "timer:pause",
  "timer:extend",
  "timer:reset",
  "screen:show",
  "announcement:send",
  "announcement:reshow",
  "announcement:clear",
  "vote:open",
  "vote:close",
  "vote:reveal",
  "peoples-choice:open",
  "board:reveal",
  "presentation:step",
  "presentation:project",
  "lead:hand",
  "room:lock",
]);

/**
 * Commands that matter only now, sent like a room control, now or not at all: a cheer sent after
 * a blip, once the applause is over, is noise, and a cheer kept in the outbox after a busy room
 * turned it away would hold back the person's own notes queued behind it.
 */
export const momentary: ReadonlySet<CommandName> = new Set<CommandName>(["presentation:react"]);

/**
 * Why a room control was not sent. Kept in English, as the id of the message: a page says it in
 * the reader's language with `useOutboxText` (./outbox-text.ts, messages/<language>/live.json `sync`).
 */
export const notConnectedMessage = "Not connected, so nothing was sent to the room. Try again once the connection is back.";

/** A room control sent whose answer never came (the connection dropped, or the server failed): said like `notConnectedMessage`. */
export const unconfirmedMessage =
  "The room didn't confirm this, so it may not have changed. Check the big screen, and try again if it didn't.";
