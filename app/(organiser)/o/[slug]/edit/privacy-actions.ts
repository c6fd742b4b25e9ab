"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { fileStorage } from "@/lib/files/storage";
import { formArg, textArg } from "@/lib/forms/action-args";
import { deleteEvent } from "@/lib/privacy/delete-event";
import { organiserOf, organisersOnlyText } from "../../../access";
import { fieldText } from "../../../form-state";

export type DeleteFormState = { message?: string; errors?: { confirm?: string }; values?: { confirm: string } };

/** Deletes the event, everything in it and its uploaded files, once its name is typed exactly. */
export async function deleteEventAction(slug: string, _previous: DeleteFormState, form: FormData): Promise<DeleteFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const confirm = fieldText(form, "confirm");
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values: { confirm } };
  if (confirm.trim() !== allowed.event.name.trim()) {
    const t = await getTranslations("organiser.delete");
    // At the field it is about, so a screen reader reads it with the field (and the form goes to it).
    return { errors: { confirm: t("mismatch", { event: allowed.event.name }) }, values: { confirm } };
  }
  const db = await sharedDatabase();
  await deleteEvent(db, fileStorage(), { eventId: allowed.event.id, accountId: allowed.account.id, now: Date.now() });
  redirect("/o?deleted=1");
}
