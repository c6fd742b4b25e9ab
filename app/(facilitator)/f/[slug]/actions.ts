"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { isStaff } from "@/lib/auth/actor";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { formArg, textArg } from "@/lib/forms/action-args";
import { sendFromForm } from "@/lib/forms/command-form";
import { newSubmission, postedSubmission, sameSending } from "@/lib/forms/form-submission";
import type { CommandPayload } from "@/lib/realtime/contract";

export type ConsoleFormState = FormState & {
  saved?: string;
  /** The id for the form's next sending, once one was sent (lib/forms/form-submission.ts). */
  submission?: string;
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The console's staff member for this event, or null. */
async function staffOf(slug: string) {
  const event = await findEventBySlug((await sharedDatabase()).read, textArg(slug));
  const actor = event ? await actorForEvent(event.id) : null;
  return event && actor && isStaff(actor) ? { event, actor } : null;
}

/**
 * The announcement, posted before the console is live (or without JavaScript): the same
 * `announcement:send` the live composer sends, through the socket's own path, so every phone and
 * the big screen show it at once.
 */
export async function announceAction(slug: string, _previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  form = formArg(form);
  const t = await getTranslations("console.announce");
  const values = { text: text(form, "text") };
  const staff = await staffOf(slug);
  if (!staff) return { message: t("notStaff"), values };
  if (!values.text.trim()) return { message: t("writeFirst"), values };
  // The form as it was, sent again (a reload, back then resend): answered as the first time, shown to no phone twice.
  const sending = sameSending(postedSubmission(form), [values.text]);
  const sent = await sendFromForm(staff.actor, "announcement:send", { text: values.text }, sending);
  if (!sent.ok) return { message: sent.byField.text ?? sent.message, values };
  return { saved: t("sent", { text: sent.result.announcement.text }), submission: newSubmission() };
}

/**
 * A new board, posted before the console is live (or without JavaScript): the same `board:create`
 * the live form sends, through the socket's own path; then its page, as the live form opens it.
 */
export async function createBoardAction(slug: string, _previous: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  form = formArg(form);
  const t = await getTranslations("console.announce");
  const values = {
    title: text(form, "title"),
    template: text(form, "template"),
    teamId: text(form, "teamId"),
    columns: text(form, "columns"),
  };
  const staff = await staffOf(slug);
  if (!staff) return { message: t("notStaff"), values };
  const sent = await sendFromForm(staff.actor, "board:create", {
    title: values.title,
    template: values.template,
    teamId: values.teamId || null,
    columns:
      values.template === "blank"
        ? values.columns
            .split(",")
            .map((c) => c.trim())
            .filter(Boolean)
        : [],
  } as CommandPayload<"board:create">);
  if (!sent.ok) return { message: Object.values(sent.byField)[0] ?? sent.message, values };
  redirect(`/f/${staff.event.slug}/b/${sent.result.board.id}`);
}
