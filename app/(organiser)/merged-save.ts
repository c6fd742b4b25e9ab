import { getLocale, getTranslations } from "next-intl/server";
import { basisOf, type EditMerge } from "@/lib/forms/edit-basis";

/** What a form that merges two organisers' saves answers (lib/forms/edit-basis.ts). */
export type MergedFormAnswer = {
  /** The form's fields: what was posted, with the fields only someone else changed shown as they saved them. */
  values: Record<string, string>;
  /** The basis the form's next save is merged on: what is stored now. */
  basis: string;
  /** Under each field both changed: what the other organiser saved. */
  errors?: Record<string, string>;
  message?: string;
  /** After a save that kept someone else's changes: which fields, in the reader's words. */
  keptTheirs?: string;
};

/**
 * The answer to a merged save, saved or not. `stored` is what is stored now (after this save when
 * it was saved); `posted` what the form sent; `formText` turns stored values into the fields' text,
 * and `shown` into the words shown under a conflicting field; `labels` names fields for a reader.
 */
export async function mergedAnswer<T extends Record<string, unknown>>(input: {
  merge: EditMerge<T>;
  stored: T;
  posted: Record<string, string>;
  formText: (stored: T) => Record<string, string>;
  shown: (field: keyof T & string, stored: T) => string;
  labels: Record<string, string>;
}): Promise<MergedFormAnswer> {
  const { merge, stored } = input;
  const text = input.formText(stored);
  const values = { ...input.posted };
  for (const field of merge.theirs) if (field in text) values[field] = text[field]!;
  const answer: MergedFormAnswer = { values, basis: basisOf(stored) };
  const t = await getTranslations("organiser.merge");
  if (merge.conflicts.length > 0) {
    answer.message = t("conflict");
    answer.errors = Object.fromEntries(
      merge.conflicts.map((field) => {
        const theirs = input.shown(field, stored).trim();
        return [field, theirs ? t("theirs", { text: theirs }) : t("theirsEmpty")];
      }),
    );
  } else if (merge.theirs.length > 0) {
    const names = merge.theirs.map((field) => input.labels[field] ?? field);
    answer.keptTheirs = t("keptTheirs", {
      fields: new Intl.ListFormat(await getLocale(), { type: "conjunction" }).format(names),
    });
  }
  return answer;
}
