import { getTranslations } from "next-intl/server";
import { type BriefFields, briefTextFields } from "@/lib/briefs/brief-schema";
import type { BriefStatus } from "@/lib/briefs/publish-rule";

/** What the brief's form saves (lib/forms/edit-basis.ts merges it): its fields, and its status when posted. */
type BriefEdit = BriefFields & { status?: BriefStatus };

/** Stored brief → the text its form's fields show (the lists are drawn by their own editors). */
export function briefFormText(stored: BriefFields): Record<string, string> {
  return Object.fromEntries(briefTextFields.map((field) => [field, stored[field]]));
}

/** The same, with the status the form's choice shows. */
export function briefEditText(stored: BriefEdit): Record<string, string> {
  return { ...briefFormText(stored), ...(stored.status ? { status: stored.status } : {}) };
}

/** How another organiser's saved value reads under a field: a list as its rows, one after another; a status by its name. */
export async function shownBriefEdit() {
  const t = await getTranslations("organiser-briefs.status");
  return (field: keyof BriefEdit, stored: BriefEdit): string => {
    if (field === "status") return stored.status ? t(`${stored.status}.label`) : "";
    if (field === "contacts") return stored.contacts.map((c) => `${c.role}: ${c.howToReach}`).join(" · ");
    if (field === "dataLinks" || field === "usefulLinks") return stored[field].map((l) => `${l.title} (${l.url})`).join(" · ");
    return stored[field];
  };
}

/** The brief form's names for its fields, in the reader's language. */
export async function briefEditLabels(): Promise<Record<keyof BriefEdit, string>> {
  const t = await getTranslations("organiser-briefs.form");
  return {
    ...(Object.fromEntries(briefTextFields.map((field) => [field, t(`${field}.label`)])) as Record<
      (typeof briefTextFields)[number],
      string
    >),
    dataLinks: t("dataLinks.heading"),
    usefulLinks: t("usefulLinks.heading"),
    contacts: t("contacts.heading"),
    status: (await getTranslations("organiser-briefs.status"))("legend"),
  };
}
