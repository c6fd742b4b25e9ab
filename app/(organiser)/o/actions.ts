"use server";

import { desc, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { accountKey } from "@/lib/auth/actor";
import { currentAccount } from "@/lib/auth/web-session";
import { chooseDigest } from "@/lib/email/digest-choice";
import { createEvent } from "@/lib/events/create-event";
import { londonTime } from "@/lib/events/event-details";
import { formArg } from "@/lib/forms/action-args";
import { typedLine } from "@/lib/forms/direction-controls";
import { onceInTransaction, postedSubmission, sameSending } from "@/lib/forms/form-submission";
import { echo, fieldErrors, fieldText } from "../form-state";

type Say = Awaited<ReturnType<typeof getTranslations<"organiser.create">>>;

/** The new event's fields, with their messages in the request's language. */
const newEventSchema = (t: Say) =>
  z
    .object({
      name: typedLine(z.string().trim().min(1, t("nameMissing")).max(120, t("nameTooLong"))),
      place: z.string().trim().max(160, t("placeTooLong")),
      startsAt: londonTime(t("startsMissing"), { notReal: t("realDate"), outsideYears: t("yearRange") }),
      endsAt: londonTime(t("endsMissing"), { notReal: t("realDate"), outsideYears: t("yearRange") }),
      description: z.string().trim().max(2000, t("descriptionTooLong")),
    })
    .refine((event) => event.endsAt > event.startsAt, { path: ["endsAt"], message: t("endAfterStart") });

const fields = ["name", "place", "startsAt", "endsAt", "description"] as const;

export async function createEventAction(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const values = echo(form, fields);
  const t = await getTranslations("organiser.create");
  const account = await currentAccount();
  if (!account) return { message: t("signedOut"), values };

  const parsed = newEventSchema(t).safeParse(Object.fromEntries(fields.map((f) => [f, fieldText(form, f)])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const db = await sharedDatabase();
  // A double tap without JavaScript posts the form twice: the second finds the first's event.
  const sending = {
    actorKey: accountKey(account.id),
    submission: sameSending(postedSubmission(form), [JSON.stringify(values)]),
    form: "create-event",
  };
  const once = await onceInTransaction(db, sending, (tx) => createEvent(tx, { ...parsed.data, createdBy: account.id }));
  if (!once.again) redirect(`/o/${once.result.slug}`);
  const [latest] = await db.read
    .select({ slug: events.slug })
    .from(events)
    .where(eq(events.createdBy, account.id))
    .orderBy(desc(events.createdAt))
    .limit(1);
  redirect(latest ? `/o/${latest.slug}` : "/o");
}

/** "Stop the weekly email" / "Send it to me again" on Your events: a plain form, so it works without JavaScript. */
export async function chooseDigestAction(form: FormData) {
  form = formArg(form);
  const account = await currentAccount();
  if (!account) redirect("/signin?next=%2Fo");
  const wanted = fieldText(form, "digest") === "on";
  await (await sharedDatabase()).transact((tx) => chooseDigest(tx, account.id, wanted));
  revalidatePath("/o");
}
