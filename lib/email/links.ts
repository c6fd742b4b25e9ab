import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Links inside emails that act without signing in. Each is `<id>.<mac>`: the mac binds the link
 * to what it may do (and, for an owner's update link, to the owner link that is live now, so
 * replacing or stopping the owner link shuts these out too).
 */
const mac = (secret: string, purpose: string, id: string, bound = "") =>
  createHmac("sha256", secret).update(`${purpose}\n${id}\n${bound}`).digest("base64url").slice(0, 32);

export function linkToken(secret: string, purpose: LinkPurpose, id: string, bound = "") {
  return `${id}.${mac(secret, purpose, id, bound)}`;
}

/** The id a token names, if its mac matches for `bound` (looked up by the caller from the id). */
export function linkTokenId(token: string): string | null {
  if (token.length > 200) return null;
  const dot = token.lastIndexOf(".");
  return dot > 0 ? token.slice(0, dot) : null;
}

export function linkTokenValid(secret: string, purpose: LinkPurpose, token: string, bound = "") {
  const id = linkTokenId(token);
  if (!id) return false;
  const expected = Buffer.from(linkToken(secret, purpose, id, bound));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * "update": open a project's update form (bound to the owner link); "stop": stop its reminders;
 * "digest": stop an organiser's digest; "consent": a participant takes back their agreement to
 * be contacted after the weekend.
 */
export type LinkPurpose = "update" | "stop" | "digest" | "consent";
