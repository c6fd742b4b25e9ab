"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { FormMessage, TextField } from "@/app/ui/form";
import { unsavedIn } from "@/lib/forms/carried-fields";
import { retentionChoices } from "@/lib/privacy/retention";
import { SavedMessage, SubmitButton, useFollowedDefault } from "../../../form-fields";
import { UnsavedNote, usePartAnswer } from "../../../page-form";
import { useEditBasis } from "../../../use-edit-basis";
import type { SavedFormState } from "./actions";

export type PrivacyValues = { dataController: string; privacyContact: string; retentionMonths: string };

export function PrivacyForm({ initial, eraseOn, basis: drawnOn }: { initial: PrivacyValues; eraseOn: string; basis: string }) {
  const t = useTranslations("organiser.privacy");
  const te = useTranslations("organiser.edit");
  const state = usePartAnswer<SavedFormState>("privacy");
  // As lib/privacy/retention's retentionLabel: whole years in years, the rest in months.
  const period = (months: number) => (months % 12 === 0 ? t("years", { years: months / 12 }) : t("months", { months }));
  // Saved: the fields show what is stored, and follow other organisers' saves where untouched.
  const value = (name: keyof PrivacyValues) => (state.saved ? undefined : state.values?.[name]) ?? initial[name];
  const { basis, round, onInput } = useEditBasis(drawnOn, state);
  const error = (name: keyof PrivacyValues) => state.errors?.[name];
  const keepFor = useFollowedDefault<HTMLSelectElement>(value("retentionMonths"));
  return (
    <div onInput={onInput} data-part="privacy" className="space-y-5">
      <input type="hidden" name="basis.privacy" value={basis} />
      <FormMessage message={state.message} />
      <UnsavedNote shown={unsavedIn(state, initial)} button={t("save")} />
      <Fragment key={round}>
        <TextField
          name="dataController"
          label={t("controller")}
          hint={t("controllerHint")}
          maxLength={160}
          autoComplete="organization"
          defaultValue={value("dataController")}
          error={error("dataController")}
        />
        <TextField
          name="privacyContact"
          label={t("contact")}
          hint={t("contactHint")}
          maxLength={200}
          autoComplete="off"
          defaultValue={value("privacyContact")}
          error={error("privacyContact")}
        />
        <div>
          <label htmlFor="field-retentionMonths" className="field-label">
            {t("keepFor")}
          </label>
          <span id="field-retentionMonths-hint" className="field-hint">
            {t("keepForHint", { eraseOn })}
          </span>
          <select
            ref={keepFor}
            id="field-retentionMonths"
            name="retentionMonths"
            defaultValue={value("retentionMonths")}
            aria-describedby={`field-retentionMonths-hint${error("retentionMonths") ? " field-retentionMonths-error" : ""}`}
            aria-invalid={error("retentionMonths") ? true : undefined}
            className="field-input"
          >
            {retentionChoices.map((months) => (
              <option key={months} value={months}>
                {period(months)}
              </option>
            ))}
          </select>
          {error("retentionMonths") ? (
            <span id="field-retentionMonths-error" className="field-error">
              {error("retentionMonths")}
            </span>
          ) : null}
        </div>
      </Fragment>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={te("saving")} intent="privacy">
        {t("save")}
      </SubmitButton>
    </div>
  );
}
