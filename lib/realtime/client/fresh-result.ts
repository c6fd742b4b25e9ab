import type { Ack } from "../contract";

/**
 * What an ack tells a screen about how things are now: its result, unless it answers a retry.
 * A retried command (sent again after a dropped connection) is answered with its first run's
 * result (lib/realtime/execute-command.ts), from before whatever the room did since: applied over
 * a screen's fresher state, it would take the wall back. The broadcasts and the snapshot read on
 * reconnecting carry what is true; a retry's answer only says the command was not lost.
 */
export function freshResult<R>(ack: Ack<R>): R | null {
  return ack.ok && !ack.duplicate ? ack.result : null;
}
