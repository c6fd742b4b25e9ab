"use server";

import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { isStaff } from "@/lib/auth/actor";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { formArg, textArg } from "@/lib/forms/action-args";
import { sendFromForm } from "@/lib/forms/command-form";
import { findRun, presentationTeams, runView } from "@/lib/presentations/store";

export type TimesFormState = FormState & { saved?: string };

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** "4", "4.5" or "4,5" minutes → seconds; NaN for anything else, which the command refuses in words. */
const seconds = (minutes: string) => {
  const trimmed = minutes.trim().replace(",", ".");
  return trimmed === "" ? Number.NaN : Math.round(Number(trimmed) * 60);
};

/** Which form field a refused payload path belongs to. */
const fieldOf: Record<string, string> = { presentSeconds: "present", questionsSeconds: "questions" };

/**
 * Each team's time to present and for questions. The same command as the live page sends
 * (`presentation:order`, the current order unchanged), through the socket's own path
 * (lib/forms/command-form.ts), so it is checked, rate-limited, recorded and broadcast the same
 * way; posted as a form, it also works without JavaScript.
 */
export async function saveTimesAction(slug: string, _previous: TimesFormState, form: FormData): Promise<TimesFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const t = await getTranslations("presentations-console.times");
  const values = { present: field(form, "present"), questions: field(form, "questions") };
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (!event || !actor || !isStaff(actor)) {
    return { message: t("notStaff"), values };
  }
  const present = seconds(values.present);
  const questions = seconds(values.questions);
  const errors: Record<string, string> = {};
  if (!Number.isFinite(present)) errors.present = t("presentNotNumber");
  if (!Number.isFinite(questions)) errors.questions = t("questionsNotNumber");
  if (Object.keys(errors).length > 0) return { errors, values };

  const [run, teamInfo] = await Promise.all([findRun(db.read, event.id), presentationTeams(db.read, event.id)]);
  const sent = await sendFromForm(actor, "presentation:order", {
    order: runView(run, teamInfo).order,
    presentSeconds: present,
    questionsSeconds: questions,
  });
  if (!sent.ok) {
    const byField: Record<string, string> = {};
    for (const [path, message] of Object.entries(sent.byField)) {
      const name = fieldOf[path];
      if (name) byField[name] ??= message;
    }
    return Object.keys(byField).length > 0 ? { errors: byField, values } : { message: sent.message, values };
  }
  return { saved: t("saved") };
}
