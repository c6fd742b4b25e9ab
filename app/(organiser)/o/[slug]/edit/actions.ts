"use server";

import { formArg, textArg } from "@/lib/forms/action-args";
import { readListIntent } from "@/lib/forms/list-fields";
import { answerPart, type PageFormState } from "../../../page-form-answer";
import { saveAgendaSection, saveEventDetails, saveEventLanguages, savePrivacySettings } from "./section-saves";

export type { SavedFormState } from "./section-saves";

/**
 * The event editor: details, agenda, languages and privacy in one form, each part with its own
 * Save button (../../../page-form.tsx says why one form). A list's Up, Down, Remove or Add
 * (without JavaScript) is the agenda's; a post that names no part, the details'.
 */
export async function saveEventEditor(slug: string, _previous: PageFormState, form: FormData): Promise<PageFormState> {
  slug = textArg(slug);
  form = formArg(form);
  return answerPart(
    form,
    {
      details: (alone) => saveEventDetails(slug, {}, alone),
      agenda: (alone) => saveAgendaSection(slug, {}, alone),
      languages: (alone) => saveEventLanguages(slug, {}, alone),
      privacy: (alone) => savePrivacySettings(slug, {}, alone),
    },
    (posted) => (readListIntent(posted)?.list === "phases" ? "agenda" : "details"),
  );
}
