import { z } from "zod";
import { typedLine } from "@/lib/forms/direction-controls";
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

export const displayNameSchema = typedLine(
  z
    .string()
    .trim()
    .min(1, "Tell us what to call you.")
    .max(displayNameMax, displayNameTooLong)
    .refine((name) => !/[<>]/.test(name), "Names can't contain < or >.")
    .refine((name) => !isReservedName(name), reservedNameMessage),
  "Tell us what to call you.",
);
