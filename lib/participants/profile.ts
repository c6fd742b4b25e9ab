import { z } from "zod";
import { writtenName } from "./profile-facts";

export * from "./profile-facts";

/** Said when a name is one the app writes itself ("Staff", "Someone who left", "Participant 3"…). */
export const reservedNameMessage = "That name is one the app uses for its own labels. Choose another.";

/** Whether a name reads as one of the app's own labels, whatever its case: a participant called "staff" would pass as staff. */
export function isReservedName(name: string): boolean {
  const lower = name.trim().replace(/\s+/g, " ").toLowerCase();
  return writtenName(lower.charAt(0).toUpperCase() + lower.slice(1)) !== null;
}

/** Long enough for a full name; short enough to sit on a note, a team card and the big screen. */
export const displayNameMax = 40;
/** Said, never done silently: a name over the limit is refused with this, not cut. */
export const displayNameTooLong = `Keep your name to ${displayNameMax} characters or fewer.`;

/**
 * Direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) a name never
 * needs: an override in a name turns the text drawn after it backwards ("Jesteś z nami, !cba").
 * Screens isolate each name themselves.
 */
const directionControls = /[\u202A-\u202E\u2066-\u2069]/g;

export const displayNameSchema = z
  .string({ error: "Tell us what to call you." })
  .transform((name) => name.replace(directionControls, ""))
  .pipe(
    z
      .string()
      .trim()
      .min(1, "Tell us what to call you.")
      .max(displayNameMax, displayNameTooLong)
      .refine((name) => !/[<>]/.test(name), "Names can't contain < or >.")
      .refine((name) => !isReservedName(name), reservedNameMessage),
  );
