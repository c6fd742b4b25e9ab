import { z } from "zod";

/**
 * Direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) that one
 * line of typed text never needs: an override turns the text drawn after it backwards, on other
 * people's screens and in email subjects ("Jesteś z nami, !cba"). Screens isolate text themselves.
 * Every command, form and import already arrives without them (lib/text/control-characters.ts);
 * `typedLine` keeps a schema right on its own, wherever else its text comes from.
 */
const directionControls = /[\u202A-\u202E\u2066-\u2069]/g;

export const withoutDirectionControls = (text: string) => text.replace(directionControls, "");

/** A typed line (a name, a title) without direction controls, then checked by `rules`. */
export const typedLine = <T extends z.ZodType<unknown, string>>(rules: T, error?: string) =>
  z
    .string(error === undefined ? undefined : { error })
    .transform(withoutDirectionControls)
    .pipe(rules);
