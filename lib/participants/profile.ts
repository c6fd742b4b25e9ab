import { z } from "zod";

export * from "./profile-facts";

/** Long enough for a full name; short enough to sit on a note, a team card and the big screen. */
export const displayNameMax = 40;
/** Said, never done silently: a name over the limit is refused with this, not cut. */
export const displayNameTooLong = `Keep your name to ${displayNameMax} characters or fewer.`;

export const displayNameSchema = z
  .string({ error: "Tell us what to call you." })
  .trim()
  .min(1, "Tell us what to call you.")
  .max(displayNameMax, displayNameTooLong)
  .refine((name) => !/[<>]/.test(name), "Names can't contain < or >.");
