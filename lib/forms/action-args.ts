/**
 * A server action is an HTTP endpoint: whatever its TypeScript signature says, a crafted request
 * can send any value as any argument (a number for the slug, nothing for the form). Every action
 * reads its arguments through these first, so bad input meets the action's own "not found" or
 * validation message instead of a TypeError and a 500.
 */
export const formArg = (value: unknown): FormData => (value instanceof FormData ? value : new FormData());

export const textArg = (value: unknown): string => (typeof value === "string" ? value : "");
