"use server";

import { eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { tellOpenScreens } from "@/lib/events/tell-open-screens";
import { fileStorage } from "@/lib/files/storage";
import { formArg, textArg } from "@/lib/forms/action-args";
import { mergeEdit, postedBasis, readBasis } from "@/lib/forms/edit-basis";
import { recordAudit } from "@/lib/privacy/audit";
import { deleteEvent } from "@/lib/privacy/delete-event";
import {
  privacyFormText,
  privacySettingsFields,
  privacySettingsSchema,
  storedPrivacySettings,
} from "@/lib/privacy/privacy-settings";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { organiserOf, organisersOnlyText } from "../../../access";
import { echo, fieldText, localFieldErrors } from "../../../form-state";
import { mergedAnswer } from "../../../merged-save";
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
    return {
      errors: await localFieldErrors(parsed.error),
      values,
      message: t("notSaved"),
      postedBasis: postedBasis(form.get("basis")),
    };
  }
  const basis = readBasis(form.get("basis"));
  const db = await sharedDatabase();
  // Merged on what is stored at the moment of writing: another organiser may have saved since this form was drawn.
  const outcome = await db.transact(async (tx) => {
    const [row] = await tx.select().from(events).where(eq(events.id, allowed.event.id));
    if (!row) return null; // deleted by another organiser a moment ago
    const current = storedPrivacySettings(row);
    const merge = mergeEdit(basis, parsed.data, current);
    if (merge.conflicts.length > 0) return { merge, stored: current, saved: false };
    await tx.update(events).set(merge.merged).where(eq(events.id, allowed.event.id));
    await recordAudit(tx, {
      eventId: allowed.event.id,
      accountId: allowed.account.id,
      action: "privacy.settings_changed",
      subject: `retention-months:${merge.merged.retentionMonths}`,
      now: Date.now(),
    });
    return { merge, stored: merge.merged, saved: true };
  });
  if (!outcome) return { message: await organisersOnlyText(), values };
  if (outcome.saved) sharedRealtime()?.audited(allowed.event.id);
  const tp = await getTranslations("organiser.privacy");
  const answer = await mergedAnswer({
    ...outcome,
    posted: values,
    formText: privacyFormText,
    // As the form's list of periods: whole years in years, the rest in months.
    shown: (field, stored) => {
      if (field !== "retentionMonths") return stored[field];
      const months = stored.retentionMonths;
      return months % 12 === 0 ? tp("years", { years: months / 12 }) : tp("months", { months });
    },
    labels: { dataController: tp("controller"), privacyContact: tp("contact"), retentionMonths: tp("keepFor") },
  });
  if (!outcome.saved) return answer;
  // Other organisers' open editors follow it.
  await tellOpenScreens(db, allowed.event.id, "privacy");
  refresh();
  return { ...answer, saved: [t("privacySaved"), answer.keptTheirs].filter(Boolean).join(" ") };
}

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
