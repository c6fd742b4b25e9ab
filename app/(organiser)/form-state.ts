import type { z } from "zod";
import { inRequestLanguage } from "@/lib/i18n/action-text";

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

/** Each message of a field → message record in the request's language when errors.json knows it (English otherwise). */
export async function inRequestLanguageEach(errors: Record<string, string>): Promise<Record<string, string>> {
  const said = await Promise.all(
    Object.entries(errors).map(async ([field, message]) => [field, await inRequestLanguage(message)]),
  );
  return Object.fromEntries(said);
}

/** fieldErrors, each message in the request's language when errors.json knows it. */
export async function localFieldErrors(error: z.ZodError): Promise<Record<string, string>> {
  return inRequestLanguageEach(fieldErrors(error));
}
