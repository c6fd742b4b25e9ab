import { createHmac, randomBytes } from "node:crypto";
import { type Actor, actorKey } from "./actor";

/**
 * A name for a person within one scope (a board, an event) that only the server can compute. The
 * room knows every person's id (team lists carry them), so a plain hash of scope and id could be
 * recomputed by any phone and traced back to the person.
 */
export function pseudonym(scope: string, key: string): string {
  return createHmac("sha256", pseudonymKey()).update(`${scope}:${key}`).digest("base64url").slice(0, 16);
}

let secretKey: Buffer | null = null;
let secretKeyFrom: string | undefined;
/** Derived from SESSION_SECRET (the same on every process of one installation); random where it is unset (unit tests). */
function pseudonymKey(): Buffer {
  const secret = process.env.SESSION_SECRET;
  if (!secretKey || secretKeyFrom !== secret) {
    // Labelled as when it named note authors only: another label would change every tag in use.
    secretKey = secret ? createHmac("sha256", secret).update("madein:author-tag").digest() : randomBytes(32);
    secretKeyFrom = secret;
  }
  return secretKey;
}

/**
 * Who a page is for, as the device's storage names them (lib/realtime/client/kept.ts): one
 * person in one event. What the device keeps for them (drafts, the outbox) is filed under it, so
 * the next person on a shared phone neither sees nor sends it, and leaving can find all of it;
 * their id stays off the device. The socket handshake checks it against the cookie.
 */
export const personTag = (actor: Actor) => pseudonym(`event:${actor.eventId}`, actorKey(actor));
