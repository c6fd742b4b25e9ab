"use server";

import { eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { agendaSchema } from "@/lib/events/agenda";
import { eventDetailsFields, eventDetailsSchema } from "@/lib/events/event-details";
import { eventLanguagesSchema } from "@/lib/events/event-languages";
import { saveAgenda } from "@/lib/events/save-agenda";
import { tellOpenScreens } from "@/lib/events/tell-open-screens";
import { updateEventDetails } from "@/lib/events/update-event-details";
import { formArg, textArg } from "@/lib/forms/action-args";
import { fieldErrorsByPath, isBlankRow, listFromForm } from "@/lib/forms/list-fields";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { organiserOf, organisersOnlyText } from "../../../access";
import { echo, inRequestLanguageEach, localFieldErrors } from "../../../form-state";

export type SavedFormState = FormState & { saved?: string };

export async function saveEventDetails(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = echo(form, eventDetailsFields);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const t = await getTranslations("organiser.edit");
  const parsed = eventDetailsSchema.safeParse(values);
  if (!parsed.success) {
    return { errors: await localFieldErrors(parsed.error), values, message: t("notSaved") };
  }
  const db = await sharedDatabase();
  await db.transact((tx) => updateEventDetails(tx, { eventId: allowed.event.id, details: parsed.data }));
  await tellOpenScreens(db, allowed.event.id, "details");
  refresh();
  return { values, saved: t("detailsSaved") };
}

const phaseKeys = ["id", "name", "startsAt", "endsAt"] as const;

export async function saveAgendaAction(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText() };
  const t = await getTranslations("organiser.edit");
  const rows = listFromForm(form, "phases", phaseKeys).filter((row) => !isBlankRow({ ...row, id: "" }));
  const parsed = agendaSchema.safeParse(rows.map((row) => ({ ...row, id: row.id || undefined })));
  if (!parsed.success) {
    return {
      errors: await inRequestLanguageEach(fieldErrorsByPath(parsed.error, "phases")),
      message: t("notSavedPhases"),
    };
  }
  const db = await sharedDatabase();
  await db.transact((tx) => saveAgenda(tx, { eventId: allowed.event.id, phases: parsed.data }));
  await tellOpenScreens(db, allowed.event.id, "agenda");
  refresh();
  return { saved: t("agendaSaved", { count: parsed.data.length }) };
}

/** The event's main language and the extra languages of the big screen's join panel. */
export async function saveEventLanguages(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const t = await getTranslations("organiser.languages");
  const values = {
    language: String(form.get("language") ?? ""),
    joinLanguages: form.getAll("joinLanguages").map(String).join(","),
  };
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const parsed = eventLanguagesSchema.safeParse({
    language: values.language,
    joinLanguages: form.getAll("joinLanguages").map(String),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "language");
      errors[field] ??= t(issue.message === "tooManyJoinLanguages" ? "tooMany" : "unknown");
    }
    return { errors, values, message: t("notSaved") };
  }
  const db = await sharedDatabase();
  await db.transact((tx) =>
    tx
      .update(events)
      .set({ language: parsed.data.language, joinLanguages: parsed.data.joinLanguages })
      .where(eq(events.id, allowed.event.id)),
  );
  // The big screen speaks the event's language: an open one switches now, without a reload.
  sharedRealtime()?.eventLanguagesChanged(allowed.event.id, parsed.data.language);
  refresh();
  return { saved: t("saved") };
}
