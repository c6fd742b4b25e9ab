"use server";

import type { FormState } from "@/app/ui/form";
import { eventDetailsFields } from "@/lib/events/event-details";
import { formArg, textArg } from "@/lib/forms/action-args";
import { postedBasis } from "@/lib/forms/edit-basis";
import { listFromForm, readListIntent } from "@/lib/forms/list-fields";
import { privacySettingsFields } from "@/lib/privacy/privacy-settings";
import { echo } from "../../../form-state";
import {
  phaseKeys,
  type SavedFormState,
  saveAgendaSection,
  saveEventDetails,
  saveEventLanguages,
  savePrivacySettings,
} from "./section-saves";

export type { SavedFormState } from "./section-saves";

export type EditorSection = "details" | "agenda" | "languages" | "privacy";

/**
 * The event editor's answer: the section whose button was pressed, and its answer. `carried` holds
 * every other section's fields as they were posted, unsaved: without JavaScript the page is drawn
 * anew from the answer, and those sections show what was typed in them instead of what is stored.
 */
export type EditorState = FormState & {
  answered?: EditorSection;
  answer?: SavedFormState;
  carried?: Partial<Record<EditorSection, SavedFormState>>;
};

const saves = {
  details: saveEventDetails,
  agenda: saveAgendaSection,
  languages: saveEventLanguages,
  privacy: savePrivacySettings,
} satisfies Record<EditorSection, (slug: string, previous: SavedFormState, form: FormData) => Promise<SavedFormState>>;
const sections = Object.keys(saves) as EditorSection[];

/** The section a post is for: its button's `intent`, the agenda for a list's Up, Down, Remove or Add, else the details. */
function sectionOf(form: FormData): EditorSection {
  const intent = form.get("intent");
  if (typeof intent === "string" && (sections as string[]).includes(intent)) return intent as EditorSection;
  return readListIntent(form)?.list === "phases" ? "agenda" : "details";
}

/** The form as one section posts it: every field, and that section's basis under the name its save reads. */
function sectionForm(form: FormData, section: EditorSection): FormData {
  const own = new FormData();
  for (const [name, value] of form.entries()) if (!name.startsWith("basis.")) own.append(name, value);
  own.set("basis", form.get(`basis.${section}`) ?? "");
  return own;
}

/** The sections not saved, as posted: what was typed in them, on the basis they were drawn on. */
function carried(form: FormData, answered: EditorSection): EditorState["carried"] {
  const basis = (section: EditorSection) => postedBasis(form.get(`basis.${section}`));
  const posted: Record<EditorSection, () => SavedFormState> = {
    details: () => ({ values: echo(form, eventDetailsFields), postedBasis: basis("details") }),
    agenda: () => ({ rows: listFromForm(form, "phases", phaseKeys), postedBasis: basis("agenda") }),
    languages: () => ({
      values: { language: String(form.get("language") ?? ""), joinLanguages: form.getAll("joinLanguages").map(String).join(",") },
      postedBasis: basis("languages"),
    }),
    privacy: () => ({ values: echo(form, privacySettingsFields), postedBasis: basis("privacy") }),
  };
  return Object.fromEntries(sections.filter((s) => s !== answered && form.has(`basis.${s}`)).map((s) => [s, posted[s]()]));
}

/**
 * The event editor: details, agenda, languages and privacy in one form, each section with its own
 * Save button. One form, so that saving one section without JavaScript never throws away what was
 * typed in another (two forms on a page post one at a time: the page came back without the other's words).
 */
export async function saveEventEditor(slug: string, _previous: EditorState, form: FormData): Promise<EditorState> {
  slug = textArg(slug);
  form = formArg(form);
  const section = sectionOf(form);
  const answer = await saves[section](slug, {}, sectionForm(form, section));
  return { answered: section, answer, carried: carried(form, section) };
}
