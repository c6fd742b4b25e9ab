import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Two organisers editing the same form at once. Each form carries a basis: a short fingerprint
 * of every field's stored value when the form was drawn (never the text itself, so a form's
 * hidden field carries nothing to read). On save, each field is merged three ways:
 *   - only I changed it → mine;
 *   - only someone else changed it since → theirs, kept;
 *   - we both changed it, differently → a conflict: nothing is saved, and the form shows mine
 *     with theirs beside it, on a new basis, so saving again keeps mine.
 * Values are compared as saved (after the form's schema), with line endings made equal: a
 * browser posts a textarea's lines as CRLF.
 */
export type Basis = Record<string, string>;

export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value ?? null).replace(/\\r\\n/g, "\\n");
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

function sameValue(a: unknown, b: unknown) {
  return fingerprint(a) === fingerprint(b);
}

/** The basis of stored values, as the form's hidden field carries it. */
export function basisOf(stored: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(stored).map(([field, value]) => [field, fingerprint(value)])));
}

const basisSchema = z.record(z.string().max(64), z.string().max(32));

/** A posted basis, or null when there is none or it is not one (a form drawn before bases, a script). */
export function readBasis(posted: unknown): Basis | null {
  if (typeof posted !== "string" || posted.length === 0 || posted.length > 4096) return null;
  try {
    const parsed = basisSchema.safeParse(JSON.parse(posted));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A posted basis as the form's answer carries it back when nothing was saved for a reason of its
 * own (a field to fix): the form drawn again from the answer (without JavaScript, the whole page)
 * is still merged against what the person's fields were drawn on, not what is stored now.
 */
export function postedBasis(posted: unknown): string | undefined {
  const basis = readBasis(posted);
  return basis ? JSON.stringify(basis) : undefined;
}

export type EditMerge<T extends Record<string, unknown>> = {
  /** What to save: mine, with the fields only someone else changed taken from theirs. */
  merged: T;
  /** Fields both changed, to different values: nothing may be saved. */
  conflicts: (keyof T & string)[];
  /** Fields someone else changed that I had left alone: their value is kept. */
  theirs: (keyof T & string)[];
};

/**
 * Merges a form's posted values with what is stored now, given the form's basis. Without a
 * basis (an old form, a script) the posted values win whole, as saving always did.
 */
export function mergeEdit<T extends Record<string, unknown>>(basis: Basis | null, mine: T, current: T): EditMerge<T> {
  const merged = { ...mine };
  const conflicts: (keyof T & string)[] = [];
  const theirs: (keyof T & string)[] = [];
  if (!basis) return { merged, conflicts, theirs };
  for (const field of Object.keys(mine) as (keyof T & string)[]) {
    const base = basis[field];
    if (base === undefined || fingerprint(current[field]) === base) continue; // nobody else changed it
    if (sameValue(mine[field], current[field])) continue; // we both made the same change
    if (fingerprint(mine[field]) === base) {
      merged[field] = current[field];
      theirs.push(field);
    } else {
      conflicts.push(field);
    }
  }
  return { merged, conflicts, theirs };
}
