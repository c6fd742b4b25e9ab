/**
 * A server action is an HTTP endpoint: whatever its TypeScript signature says, a crafted request
 * can send any value as any argument (a number for the slug, nothing for the form). Every action
 * reads its arguments through these first, so bad input meets the action's own "not found" or
 * validation message instead of a TypeError and a 500.
 */
import { withoutControls } from "@/lib/text/control-characters";

/**
 * The form, or an empty one, its text without control characters (lib/text/control-characters.ts).
 * Duck-typed: the server's decoder may build its FormData from another realm's class.
 */
export function formArg(value: unknown): FormData {
  const form = value as Partial<FormData> | null | undefined;
  const looksLikeForm =
    typeof form === "object" &&
    form !== null &&
    typeof form.get === "function" &&
    typeof form.getAll === "function" &&
    typeof form.has === "function";
  if (!looksLikeForm) return new FormData();
  const entries = typeof form.entries === "function" ? [...form.entries()] : [];
  if (!entries.some(([, v]) => typeof v === "string" && withoutControls(v) !== v)) return value as FormData;
  const clean = new FormData();
  for (const [name, v] of entries) {
    if (typeof v === "string") clean.append(name, withoutControls(v));
    else clean.append(name, v);
  }
  return clean;
}

/** A text argument without control characters (as `formArg`), or empty for anything else. */
export const textArg = (value: unknown): string => (typeof value === "string" ? withoutControls(value) : "");
