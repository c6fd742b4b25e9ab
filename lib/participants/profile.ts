import { z } from "zod";

export * from "./profile-facts";

export const displayNameSchema = z
  .string({ error: "Tell us what to call you." })
  .trim()
  .min(1, "Tell us what to call you.")
  .max(40, "Keep your name to 40 characters or fewer.")
  .refine((name) => !/[<>]/.test(name), "Names can't contain < or >.");
