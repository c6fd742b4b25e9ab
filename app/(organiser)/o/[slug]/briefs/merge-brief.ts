import { getTranslations } from "next-intl/server";
import { type BriefFields, briefTextFields } from "@/lib/briefs/brief-schema";

/** Stored brief → the text its form's fields show (the lists are drawn by their own editors). */
export function briefFormText(stored: BriefFields): Record<string, string> {
  return Object.fromEntries(briefTextFields.map((field) => [field, stored[field]]));
}

/** How another organiser's saved value reads under a field: a list as its rows, one after another. */
export function shownBriefField(field: keyof BriefFields, stored: BriefFields): string {
  if (field === "contacts") return stored.contacts.map((c) => `${c.role}: ${c.howToReach}`).join(" · ");
  if (field === "dataLinks" || field === "usefulLinks") return stored[field].map((l) => `${l.title} (${l.url})`).join(" · ");
  return stored[field];
}

/** The brief form's names for its fields, in the reader's language. */
export async function briefFieldLabels(): Promise<Record<keyof BriefFields, string>> {
  const t = await getTranslations("organiser-briefs.form");
  return {
    ...(Object.fromEntries(briefTextFields.map((field) => [field, t(`${field}.label`)])) as Record<
      (typeof briefTextFields)[number],
      string
    >),
    dataLinks: t("dataLinks.heading"),
    usefulLinks: t("usefulLinks.heading"),
    contacts: t("contacts.heading"),
  };
}
