import type { IncomingMessage, ServerResponse } from "node:http";

/** How long the rest of a refused body is read and dropped before the connection is closed. */
export const lingerMs = 5_000;

/**
 * After answering before a body's end (a 413 at its first byte over the limit), what the sender
 * still sends is read and dropped for a few seconds, as nginx's lingering close does. Closing at
 * once with bytes unread makes the kernel reset the connection, and a reset can wipe the answer
 * on the sender's side before it is read: the person would see "connection reset" instead of
 * "that's too big". Nothing read is kept, so this costs bandwidth, not memory; a sender that is
 * still sending when the time is up is cut off.
 */
export function lingerAfterEarlyAnswer(req: IncomingMessage, res: ServerResponse, ms = lingerMs) {
  req.resume();
  const socket = req.socket;
  const startClock = () => {
    if (req.complete) return;
    const cutOff = setTimeout(() => socket.destroy(), ms);
    cutOff.unref();
    req.once("end", () => clearTimeout(cutOff));
    socket.once("close", () => clearTimeout(cutOff));
  };
  if (res.writableFinished) startClock();
  else res.once("finish", startClock);
}
