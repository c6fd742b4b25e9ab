"use server";

import { eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { fileStorage } from "@/lib/files/storage";
import { formArg, textArg } from "@/lib/forms/action-args";
import { recordAudit } from "@/lib/privacy/audit";
import { deleteEvent } from "@/lib/privacy/delete-event";
import { privacySettingsFields, privacySettingsSchema } from "@/lib/privacy/privacy-settings";
import { organiserOf, organisersOnlyText } from "../../../access";
import { echo, fieldText, localFieldErrors } from "../../../form-state";
import type { SavedFormState } from "./actions";

/** Who answers for people's data, how to reach them, and how long the event keeps it. */
export async function savePrivacySettings(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = echo(form, privacySettingsFields);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const t = await getTranslations("organiser.edit");
  const parsed = privacySettingsSchema.safeParse(values);
  if (!parsed.success) {
    return { errors: await localFieldErrors(parsed.error), values, message: t("notSaved") };
  }
  const db = await sharedDatabase();
  await db.transact(async (tx) => {
    await tx.update(events).set(parsed.data).where(eq(events.id, allowed.event.id));
    await recordAudit(tx, {
      eventId: allowed.event.id,
      accountId: allowed.account.id,
      action: "privacy.settings_changed",
      subject: `retention-months:${parsed.data.retentionMonths}`,
      now: Date.now(),
    });
  });
  refresh();
  return { values, saved: t("privacySaved") };
}

export type DeleteFormState = { message?: string; values?: { confirm: string } };

/** Deletes the event, everything in it and its uploaded files, once its name is typed exactly. */
export async function deleteEventAction(slug: string, _previous: DeleteFormState, form: FormData): Promise<DeleteFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const confirm = fieldText(form, "confirm");
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values: { confirm } };
  if (confirm.trim() !== allowed.event.name.trim()) {
    const t = await getTranslations("organiser.delete");
    return { message: t("mismatch", { event: allowed.event.name }), values: { confirm } };
  }
  const db = await sharedDatabase();
  await deleteEvent(db, fileStorage(), { eventId: allowed.event.id, accountId: allowed.account.id, now: Date.now() });
  redirect("/o?deleted=1");
}
