import type { z } from "zod";

/** A form field's text, or "" when it is missing or not text (a file, say). */
export function fieldText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The fields to echo back on an error. Passwords are never echoed: they stay in the browser. */
export function echo(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, fieldText(form, name)]));
}

/** zod's issues → one plain message per field: the first, which is the most basic problem. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
