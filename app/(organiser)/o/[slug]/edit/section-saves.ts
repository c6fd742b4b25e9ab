import "server-only";
/**
 * The event editor's sections, each saved on its own (lib/forms/edit-basis.ts merges each with
 * other organisers' saves). Not server actions: the editor is one form, posted to
 * saveEventEditor (./actions.ts), which hands each section's button to its save here.
 */
import { eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import type { Database, Tx } from "@/db/client";
import { eventPhases, events } from "@/db/schema";
import { agendaForMerge, isSparePhase, orderAgenda, postedAgendaSchema } from "@/lib/events/agenda";
import {
  type EventDetails,
  eventDetailsFields,
  eventDetailsFormValues,
  eventDetailsSchema,
  storedEventDetails,
} from "@/lib/events/event-details";
import { eventLanguagesFormValues, eventLanguagesSchema } from "@/lib/events/event-languages";
import { findAgenda } from "@/lib/events/find-agenda";
import { mergeEventDetails } from "@/lib/events/merge-event-details";
import { saveAgenda } from "@/lib/events/save-agenda";
import { tellOpenScreens } from "@/lib/events/tell-open-screens";
import { updateEventDetails } from "@/lib/events/update-event-details";
import { formArg, textArg } from "@/lib/forms/action-args";
import { type Basis, basisOf, type EditMerge, mergeEdit, postedBasis, readBasis } from "@/lib/forms/edit-basis";
import { applyListIntent, fieldErrorsByPath, listFromForm, readListIntent } from "@/lib/forms/list-fields";
import { localDayTime } from "@/lib/i18n/dates";
import { localeInfo } from "@/lib/i18n/locales";
import { recordAudit } from "@/lib/privacy/audit";
import {
  privacyFormText,
  privacySettingsFields,
  privacySettingsSchema,
  storedPrivacySettings,
} from "@/lib/privacy/privacy-settings";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { organiserOf, organisersOnlyText } from "../../../access";
import { echo, inRequestLanguageEach, localFieldErrors } from "../../../form-state";
import { mergedAnswer } from "../../../merged-save";
import { eventDetailLabels, shownEventDetail } from "./merge-details";
import { outsideDates, phasesLeftOutside } from "./outside-dates";

/** The event editor's parts, each saved by its own button. */
export const editorParts = ["details", "agenda", "languages", "privacy"] as const;

export type SavedFormState = FormState & {
  saved?: string;
  /** The basis the form's next save is merged on (lib/forms/edit-basis.ts). */
  basis?: string;
  /** Refused before any merge (a field to fix): the basis it was posted with, kept for the next save. */
  postedBasis?: string;
  /** A list form's rows as posted, to draw again when nothing was saved (without JavaScript too). */
  rows?: Record<string, string>[];
};

/** A section refused before any merge: its fields' messages, what was typed, and the basis it was posted on. */
async function refusedSection(form: FormData, values: Record<string, string>, error: z.ZodError, message: string) {
  return { errors: await localFieldErrors(error), values, message, postedBasis: postedBasis(form.get("basis")) };
}

/**
 * Merges a section of the event's own row, posted on the form's basis, with what is stored at the
 * moment of writing (another organiser may have saved since the form was drawn), and writes it
 * unless a field conflicts. Null when the event was deleted by another organiser a moment ago.
 */
async function mergeIntoEvent<S extends Record<string, unknown>>(
  db: Database,
  eventId: string,
  form: FormData,
  section: {
    stored: (row: typeof events.$inferSelect) => S;
    merge: (basis: Basis | null, current: S) => EditMerge<S>;
    write: (tx: Tx, merged: S) => Promise<unknown>;
  },
) {
  const basis = readBasis(form.get("basis"));
  return db.transact(async (tx) => {
    const [row] = await tx.select().from(events).where(eq(events.id, eventId));
    if (!row) return null;
    const current = section.stored(row);
    const merge = section.merge(basis, current);
    if (merge.conflicts.length > 0) return { merge, stored: current, saved: false };
    await section.write(tx, merge.merged);
    return { merge, stored: merge.merged, saved: true };
  });
}

export async function saveEventDetails(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = echo(form, eventDetailsFields);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const t = await getTranslations("organiser.edit");
  const parsed = eventDetailsSchema.safeParse(values);
  if (!parsed.success) return refusedSection(form, values, parsed.error, t("notSaved"));
  const db = await sharedDatabase();
  const outcome = await mergeIntoEvent(db, allowed.event.id, form, {
    stored: storedEventDetails,
    merge: (basis, current) => mergeEventDetails(basis, parsed.data, current),
    write: (tx, merged) => updateEventDetails(tx, { eventId: allowed.event.id, details: merged as EventDetails }),
  });
  if (!outcome) return { message: await organisersOnlyText(), values };
  const answer = await mergedAnswer({
    ...outcome,
    posted: values,
    formText: eventDetailsFormValues,
    shown: await shownEventDetail(),
    labels: await eventDetailLabels(),
  });
  if (!outcome.saved) return answer;
  await tellOpenScreens(db, allowed.event.id, "details");
  refresh();
  // New dates never drop a phase: the ones now outside them are kept, and named here.
  const stranded = await phasesLeftOutside(await findAgenda(db.read, allowed.event.id), outcome.stored);
  return { ...answer, saved: [t("detailsSaved"), answer.keptTheirs, stranded].filter(Boolean).join(" ") };
}

export const phaseKeys = ["id", "name", "startsAt", "endsAt"] as const;

export async function saveAgendaSection(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText() };
  const t = await getTranslations("organiser.edit");
  // Every row as posted, blank ones too: drawn again as they stood, each message beside its own row.
  const rows = listFromForm(form, "phases", phaseKeys);
  // Up, Down, Remove or Add pressed without JavaScript: the list drawn again changed, nothing saved.
  const intent = readListIntent(form);
  if (intent?.list === "phases") return { rows: applyListIntent(rows, intent), postedBasis: postedBasis(form.get("basis")) };
  const parsed = postedAgendaSchema.safeParse(rows.map((row) => ({ ...row, id: row.id || undefined })));
  if (!parsed.success) {
    return {
      errors: await inRequestLanguageEach(fieldErrorsByPath(parsed.error, "phases")),
      message: t("notSavedPhases"),
      rows,
      postedBasis: postedBasis(form.get("basis")),
    };
  }
  // A phase on a day the event does not run is a slip of the date: refused, beside its own row
  // (blank rows are dropped from the parsed list, so each phase is found back at the row it stands in).
  const outside = await outsideDates(parsed.data, allowed.event);
  if (outside) {
    const rowOf = rows.flatMap((row, index) => (isSparePhase(row) ? [] : [index]));
    return {
      errors: Object.fromEntries(
        outside.outside.map((o) => [
          `phases.${rowOf[o.index]}.${o.field}`,
          t("phaseOutsideDates", { phase: o.phase.name, when: o.when, dates: outside.dates }),
        ]),
      ),
      message: t("phasesOutsideDates", { count: outside.outside.length, dates: outside.dates }),
      rows,
      postedBasis: postedBasis(form.get("basis")),
    };
  }
  const basis = readBasis(form.get("basis"));
  const db = await sharedDatabase();
  // The agenda is one list: another organiser's save since this form was drawn is theirs or mine, never both.
  const outcome = await db.transact(async (tx) => {
    const stored = async () => orderAgenda(await tx.select().from(eventPhases).where(eq(eventPhases.eventId, allowed.event.id)));
    const current = await stored();
    const merge = mergeEdit(basis, agendaForMerge(parsed.data), agendaForMerge(current));
    if (merge.conflicts.length > 0) return { saved: false, agenda: current };
    // Mine unchanged since the form was drawn, theirs changed: theirs stands, nothing to write.
    if (merge.theirs.length === 0) await saveAgenda(tx, { eventId: allowed.event.id, phases: parsed.data });
    return { saved: true, agenda: await stored() };
  });
  const nextBasis = basisOf(agendaForMerge(outcome.agenda));
  if (!outcome.saved) {
    const locale = await getLocale();
    const theirs = outcome.agenda.map((p) => `${p.name} (${localDayTime(locale, p.startsAt)})`);
    const tm = await getTranslations("organiser.merge");
    return {
      message: tm("agendaConflict", { phases: theirs.length ? theirs.join("; ") : tm("agendaEmpty") }),
      rows,
      basis: nextBasis,
    };
  }
  await tellOpenScreens(db, allowed.event.id, "agenda");
  refresh();
  return { saved: t("agendaSaved", { count: outcome.agenda.length }), basis: nextBasis };
}

/** The event's main language and the extra languages of the big screen's join panel. */
export async function saveEventLanguages(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const t = await getTranslations("organiser.languages");
  const values = {
    language: String(form.get("language") ?? ""),
    joinLanguages: form.getAll("joinLanguages").map(String).join(","),
  };
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const parsed = eventLanguagesSchema.safeParse({
    language: values.language,
    joinLanguages: form.getAll("joinLanguages").map(String),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "language");
      errors[field] ??= t(issue.message === "tooManyJoinLanguages" ? "tooMany" : "unknown");
    }
    return { errors, values, message: t("notSaved"), postedBasis: postedBasis(form.get("basis")) };
  }
  const db = await sharedDatabase();
  const outcome = await mergeIntoEvent(db, allowed.event.id, form, {
    stored: (row) => ({ language: row.language, joinLanguages: row.joinLanguages }),
    merge: (basis, current) => mergeEdit(basis, parsed.data, current),
    write: async (tx, merged) => void (await tx.update(events).set(merged).where(eq(events.id, allowed.event.id))),
  });
  if (!outcome) return { message: await organisersOnlyText(), values };
  const name = (code: string) => localeInfo(code)?.name ?? code;
  const answer = await mergedAnswer({
    ...outcome,
    posted: values,
    formText: eventLanguagesFormValues,
    shown: (field, stored) => (field === "language" ? name(stored.language) : stored.joinLanguages.map(name).join(", ")),
    labels: { language: t("mainLabel"), joinLanguages: t("joinLabel") },
  });
  if (!outcome.saved) return answer;
  // The big screen speaks the event's language: an open one switches now, without a reload.
  sharedRealtime()?.eventLanguagesChanged(allowed.event.id, outcome.stored.language);
  // Pages drawn in the event's language (a phone that chose none), the join panel's languages and
  // another organiser's open form are drawn again.
  await tellOpenScreens(db, allowed.event.id, "details");
  refresh();
  return { ...answer, saved: [t("saved"), answer.keptTheirs].filter(Boolean).join(" ") };
}

/** Who answers for people's data, how to reach them, and how long the event keeps it. */
export async function savePrivacySettings(slug: string, _previous: SavedFormState, form: FormData): Promise<SavedFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = echo(form, privacySettingsFields);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const t = await getTranslations("organiser.edit");
  const parsed = privacySettingsSchema.safeParse(values);
  if (!parsed.success) return refusedSection(form, values, parsed.error, t("notSaved"));
  const db = await sharedDatabase();
  const outcome = await mergeIntoEvent(db, allowed.event.id, form, {
    stored: storedPrivacySettings,
    merge: (basis, current) => mergeEdit(basis, parsed.data, current),
    write: async (tx, merged) => {
      await tx.update(events).set(merged).where(eq(events.id, allowed.event.id));
      await recordAudit(tx, {
        eventId: allowed.event.id,
        accountId: allowed.account.id,
        action: "privacy.settings_changed",
        subject: `retention-months:${merged.retentionMonths}`,
        now: Date.now(),
      });
    },
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
