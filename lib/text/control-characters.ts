/**
 * Control characters nobody types (C0 other than tab, line feed and carriage return, and DEL),
 * taken out of text as it arrives, like surrounding spaces. A NUL, for one, was stored whole
 * but read back cut short at it (libSQL's text ends there), so what everyone saw, moderators
 * included, differed from what was kept.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const withoutControls = (text: string): string => text.replace(controls, "");

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
