import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A random 256-bit token for a cookie or a link. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The token one form's submission makes (lib/forms/form-submission.ts), the same each time it is
 * sent: sent again, the form can show the link it made again instead of making another. As
 * random as newToken's to anyone without the secret; `purpose` keeps one form's from another's.
 */
export function tokenForSubmission(secret: string, purpose: string, submission: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${submission}`).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function sign(value: string, secret: string): string {
  const mac = createHmac("sha256", secret).update(value).digest("base64url");
  return `${value}.${mac}`;
}

/** Returns the signed value, or null when the signature does not match. */
export function unsign(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(sign(value, secret).slice(dot + 1));
  const actual = Buffer.from(signed.slice(dot + 1));
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? value : null;
}
