"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { retentionChoices, retentionLabel } from "@/lib/privacy/retention";
import { SavedMessage, SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { SavedFormState } from "./actions";

export type PrivacyValues = { dataController: string; privacyContact: string; retentionMonths: string };

export function PrivacyForm({
  action,
  initial,
  eraseOn,
}: {
  action: FormAction<SavedFormState>;
  initial: PrivacyValues;
  eraseOn: string;
}) {
  const { state, formProps } = useKeptForm<SavedFormState>(action, {});
  const value = (name: keyof PrivacyValues) => state.values?.[name] ?? initial[name];
  const error = (name: keyof PrivacyValues) => state.errors?.[name];
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="dataController"
        label="Who is responsible for people's data (the data controller)"
        hint="Usually the council or organisation running the event, e.g. London Borough of Lambeth"
        maxLength={160}
        autoComplete="organization"
        defaultValue={value("dataController")}
        error={error("dataController")}
      />
      <TextField
        name="privacyContact"
        label="How people reach them about their data"
        hint="An email, phone number or web address, e.g. the data protection officer's"
        maxLength={200}
        autoComplete="off"
        defaultValue={value("privacyContact")}
        error={error("privacyContact")}
      />
      <div>
        <label htmlFor="field-retentionMonths" className="field-label">
          Keep people's details for
        </label>
        <span id="field-retentionMonths-hint" className="field-hint">
          After the event ends. Then names, contact details, access needs, age bands and photos are erased; notes, votes and
          projects stay, as by "Participant 1", "Participant 2"… With this setting: {eraseOn}.
        </span>
        <select
          id="field-retentionMonths"
          name="retentionMonths"
          defaultValue={value("retentionMonths")}
          aria-describedby={`field-retentionMonths-hint${error("retentionMonths") ? " field-retentionMonths-error" : ""}`}
          aria-invalid={error("retentionMonths") ? true : undefined}
          className="field-input"
        >
          {retentionChoices.map((months) => (
            <option key={months} value={months}>
              {retentionLabel(months)}
            </option>
          ))}
        </select>
        {error("retentionMonths") ? (
          <span id="field-retentionMonths-error" className="field-error">
            {error("retentionMonths")}
          </span>
        ) : null}
      </div>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel="Saving…">Save privacy settings</SubmitButton>
    </form>
  );
}
