/**
 * How a refusal the server answers before a form's action runs (too big, too busy, from another
 * site, out of date: lib/server/action-gate.ts) reaches the form's script. React's client turns
 * an answer that isn't its own into a thrown Error, keeping the answer's text as the message
 * only when it is `text/plain` exactly (and a generic sentence otherwise); the status goes into
 * that text, so the form can tell "too big" and "busy" from a connection that never got through,
 * and say so in the reader's language instead of "we couldn't reach Made In".
 */
const pattern = /^Made In refused (\d{3}): ([\s\S]+)$/;

/** The body of a refusal meant for a form's script: `message` is already in the reader's language. */
export const refusalBody = (status: number, message: string) => `Made In refused ${status}: ${message}`;

/** The refusal an action's call failed with, or null when it failed some other way (the network, most often). */
export function readRefusal(error: unknown): { status: number; message: string } | null {
  const match = error instanceof Error ? pattern.exec(error.message) : null;
  return match ? { status: Number(match[1]), message: match[2] as string } : null;
}
