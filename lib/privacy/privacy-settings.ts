import { z } from "zod";
import { retentionChoices } from "./retention";

// Apart from lib/privacy/retention.ts so the settings form, a Client Component, doesn't bundle
// zod: zod 4 probes for eval when it loads, which the pages' Content-Security-Policy reports.

const text = (label: string, max: number) => z.string().trim().max(max, `Keep ${label} to ${max} characters or fewer.`);

/** The privacy part of the event's settings, as the organiser's form sends it. */
export const privacySettingsSchema = z.object({
  dataController: text("the data controller", 160),
  privacyContact: text("the contact", 200),
  retentionMonths: z.coerce
    .number({ error: "Choose how long to keep people's details." })
    .int("Choose how long to keep people's details.")
    .refine((n) => (retentionChoices as readonly number[]).includes(n), "Choose one of the periods in the list."),
});
export type PrivacySettings = z.output<typeof privacySettingsSchema>;
export const privacySettingsFields = ["dataController", "privacyContact", "retentionMonths"] as const;

/** The privacy settings of an event row, as stored (what two organisers' saves are merged on). */
export function storedPrivacySettings(event: PrivacySettings): PrivacySettings {
  return { dataController: event.dataController, privacyContact: event.privacyContact, retentionMonths: event.retentionMonths };
}

/** Stored settings → the text the form's fields hold. */
export function privacyFormText(settings: PrivacySettings): Record<(typeof privacySettingsFields)[number], string> {
  return { ...settings, retentionMonths: String(settings.retentionMonths) };
}
