/**
 * Characters nobody types, taken out of all text as it arrives (every command's payload, every
 * form and argument of a server action, an imported export), like surrounding spaces:
 * - C0 controls other than tab, line feed and carriage return, and DEL. A NUL, for one, was
 *   stored whole but read back cut short at it (libSQL's text ends there), so what everyone saw,
 *   moderators included, differed from what was kept.
 * - Direction controls (lib/forms/direction-controls.ts): embeddings and overrides U+202A–U+202E,
 *   isolates U+2066–U+2069. One left open turns the text drawn after it backwards or out of
 *   order, on other people's screens, the big screen, emails, exports and reports: a title,
 *   a team name or a note can be made to read as something else ("spoofing"). This holds for
 *   prose (notes, feedback, announcements) as much as for names: keyboards and input methods
 *   never type these (mixed-direction writing uses the marks U+200E/U+200F, which stay), and
 *   screens isolate each piece of text themselves.
 * - Lone surrogates: half of a character written as two UTF-16 units, without its other half. No
 *   keyboard makes one (a script can, or a JSON "\uD800"). Stored, the database turns it into
 *   U+FFFD, so "Sam\uD800" was acknowledged as typed and kept as "Sam�", and a name made
 *   of them alone passed every "can't be empty" check. Whole pairs (emoji, rarer scripts) stay.
 * Removed at the boundaries rather than schema by schema, so no new field can forget them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
// Read unit by unit (no `u` flag): a high half not followed by a low one, a low half not after a high one.
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Characters that draw nothing: format characters (zero-width space and joiners, word joiner,
 * byte order mark, soft hyphen…) and the blank letters that pass for text (Hangul fillers,
 * the blank Braille pattern, the combining grapheme joiner).
 */
const invisible = /\p{Cf}|\u034F|[\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]/u;
const blank = /^(?:\s|\p{Cf}|\u034F|[\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0])*$/u;

/**
 * Also, a text that holds only invisible characters (and spaces) is empty: "​​​" as a place or a
 * name passed every "can't be empty" check and showed as a blank ("… · " on the event page).
 * Inside real text they stay: joiners make emoji and Persian words, marks set direction.
 * Spaces alone are left for each schema's own trimming.
 */
export const withoutControls = (text: string): string => {
  const kept = text.replace(controls, "").replace(loneSurrogates, "");
  return invisible.test(kept) && blank.test(kept) ? "" : kept;
};

/** Deeper than any payload's schema goes: what lies below is left for the schema to refuse. */
const maxDepth = 16;

/** Every string in a parsed JSON value, control characters taken out; nothing else changes. */
export function withoutControlCharacters(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return withoutControls(value);
  if (depth >= maxDepth || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => withoutControlCharacters(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  // Defined, not assigned: a key "__proto__" stays a key (for the schema to refuse), not a prototype.
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, {
      value: withoutControlCharacters(v, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
