import type { Ack } from "../contract";
import { notConnectedMessage } from "./room-controls";

/**
 * Why a facilitator's change did not happen, for the control they used to say, or null when it
 * did. A field's own message is the more precise; no answer at all (no connection yet) is said
 * as a room control's is. Device messages are in English here: `useOutboxText` says them.
 */
export function refusalOf(ack: Ack<unknown> | null): string | null {
  if (!ack) return notConnectedMessage;
  if (ack.ok) return null;
  return ack.error.issues?.[0]?.message ?? ack.error.message;
}
