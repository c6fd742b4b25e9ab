/**
 * A server action is an HTTP endpoint: whatever its TypeScript signature says, a crafted request
 * can send any value as any argument (a number for the slug, nothing for the form). Every action
 * reads its arguments through these first, so bad input meets the action's own "not found" or
 * validation message instead of a TypeError and a 500.
 */

/** The form, or an empty one. Duck-typed: the server's decoder may build its FormData from another realm's class. */
export function formArg(value: unknown): FormData {
  const form = value as Partial<FormData> | null | undefined;
  const looksLikeForm =
    typeof form === "object" &&
    form !== null &&
    typeof form.get === "function" &&
    typeof form.getAll === "function" &&
    typeof form.has === "function";
  return looksLikeForm ? (value as FormData) : new FormData();
}

export const textArg = (value: unknown): string => (typeof value === "string" ? value : "");
