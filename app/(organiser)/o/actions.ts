"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { currentAccount } from "@/lib/auth/web-session";
import { createEvent } from "@/lib/events/create-event";
import { londonLocalToEpoch } from "@/lib/events/event-dates";
import { formArg } from "@/lib/forms/action-args";
import { echo, fieldErrors, fieldText } from "../form-state";

const londonTime = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .transform((value, ctx) => {
      const epoch = londonLocalToEpoch(value);
      if (epoch === null) {
        ctx.addIssue({ code: "custom", message: "Enter a real date and time, like 4 December 2026 at 18:00." });
        return z.NEVER;
      }
      return epoch;
    });

const newEventSchema = z
  .object({
    name: z.string().trim().min(1, "Give the event a name.").max(120, "Keep the name to 120 characters or fewer."),
    place: z.string().trim().max(160, "Keep the place to 160 characters or fewer."),
    startsAt: londonTime("Say when the event starts."),
    endsAt: londonTime("Say when the event ends."),
    description: z.string().trim().max(2000, "Keep the description to 2,000 characters or fewer."),
  })
  .refine((event) => event.endsAt > event.startsAt, { path: ["endsAt"], message: "The end must be after the start." });

const fields = ["name", "place", "startsAt", "endsAt", "description"] as const;

export async function createEventAction(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const values = echo(form, fields);
  const account = await currentAccount();
  if (!account) return { message: "You've been signed out. Sign in again, then create the event.", values };

  const parsed = newEventSchema.safeParse(Object.fromEntries(fields.map((f) => [f, fieldText(form, f)])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const db = await sharedDatabase();
  const created = await db.transact((tx) => createEvent(tx, { ...parsed.data, createdBy: account.id }));
  redirect(`/o/${created.slug}`);
}
