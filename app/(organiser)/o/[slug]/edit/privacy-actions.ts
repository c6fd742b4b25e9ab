"use server";

import { eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { fileStorage } from "@/lib/files/storage";
import { formArg, textArg } from "@/lib/forms/action-args";
import { recordAudit } from "@/lib/privacy/audit";
import { deleteEvent } from "@/lib/privacy/delete-event";
import { privacySettingsFields, privacySettingsSchema } from "@/lib/privacy/privacy-settings";
import { organiserOf, organisersOnly } from "../../../access";
import { echo, fieldErrors, fieldText } from "../../../form-state";
import type { SavedFormState } from "./actions";

/** Who answers for people's data, how to reach them, and how long the event keeps it. */
export async function savePrivacySettings(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = echo(form, privacySettingsFields);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: organisersOnly, values };
  const parsed = privacySettingsSchema.safeParse(values);
  if (!parsed.success) {
    return { errors: fieldErrors(parsed.error), values, message: "Nothing was saved yet: check the fields marked below." };
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
  return { values, saved: "Saved. The privacy notice people see when they join says this now." };
}

export type DeleteFormState = { message?: string; values?: { confirm: string } };

/** Deletes the event, everything in it and its uploaded files, once its name is typed exactly. */
export async function deleteEventAction(slug: string, _previous: DeleteFormState, form: FormData): Promise<DeleteFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const confirm = fieldText(form, "confirm");
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: organisersOnly, values: { confirm } };
  if (confirm.trim() !== allowed.event.name.trim()) {
    return {
      message: `Nothing was deleted: type the event's name exactly as it is, "${allowed.event.name}", to confirm.`,
      values: { confirm },
    };
  }
  const db = await sharedDatabase();
  await deleteEvent(db, fileStorage(), { eventId: allowed.event.id, accountId: allowed.account.id, now: Date.now() });
  redirect("/o?deleted=1");
}
