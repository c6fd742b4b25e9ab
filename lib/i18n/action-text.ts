import { getLocale } from "next-intl/server";
import { localise, type Said, say } from "./server-text";

/**
 * For server actions and route handlers: an English message from lib/ (a zod issue of
 * lib/participants/profile.ts, a CommandFailure caught in an action…) in the language of the
 * request, when the catalogue knows it (lib/i18n/server-text.ts); unchanged otherwise.
 *
 *     const name = displayNameSchema.safeParse(typed);
 *     if (!name.success) return { error: await inRequestLanguage(name.error.issues[0]?.message ?? "") };
 */
export async function inRequestLanguage(message: string): Promise<string> {
  return localise(message, await getLocale());
}

/** A message of `errors.json` by key, in the language of the request. */
export async function sayInRequestLanguage(said: Said): Promise<string> {
  return say(await getLocale(), said);
}
