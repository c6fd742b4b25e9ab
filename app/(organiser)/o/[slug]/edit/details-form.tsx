"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { FormMessage, TextField } from "@/app/ui/form";
import { unsavedIn } from "@/lib/forms/carried-fields";
import { SavedMessage, SubmitButton, TextArea } from "../../../form-fields";
import { UnsavedNote, usePartAnswer } from "../../../page-form";
import { useEditBasis } from "../../../use-edit-basis";
import type { SavedFormState } from "./actions";

export type DetailsValues = Record<
  "name" | "place" | "startsAt" | "endsAt" | "description" | "goals" | "accessInfo" | "childcare" | "food" | "whatToBring",
  string
>;

export function DetailsForm(props: { initial: DetailsValues; basis: string }) {
  const { initial } = props;
  const t = useTranslations("organiser.details");
  const te = useTranslations("organiser.edit");
  const state = usePartAnswer<SavedFormState>("details");
  // Saved: the fields show what is stored, and follow other organisers' saves where untouched.
  const value = (name: keyof DetailsValues) => (state.saved ? undefined : state.values?.[name]) ?? initial[name];
  const error = (name: keyof DetailsValues) => state.errors?.[name];
  const { basis, round, onInput } = useEditBasis(props.basis, state);
  return (
    <div onInput={onInput} data-part="details" className="space-y-5">
      <input type="hidden" name="basis.details" value={basis} />
      <FormMessage message={state.message} />
      <UnsavedNote shown={unsavedIn(state, initial)} button={t("save")} />
      {/* A new basis (a save, or someone else's save found) draws the fields again from the answer. */}
      <Fragment key={round}>
        <TextField name="name" label={t("name")} maxLength={120} required defaultValue={value("name")} error={error("name")} />
        <TextField
          name="place"
          label={t("place")}
          hint={t("placeHint")}
          maxLength={160}
          autoComplete="off"
          defaultValue={value("place")}
          error={error("place")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            name="startsAt"
            label={t("starts")}
            hint={t("londonTime")}
            type="datetime-local"
            required
            defaultValue={value("startsAt")}
            error={error("startsAt")}
          />
          <TextField
            name="endsAt"
            label={t("ends")}
            hint={t("londonTime")}
            type="datetime-local"
            required
            defaultValue={value("endsAt")}
            error={error("endsAt")}
          />
        </div>
        <TextArea
          name="description"
          label={t("description")}
          hint={t("descriptionHint")}
          maxLength={2000}
          rows={4}
          defaultValue={value("description")}
          error={error("description")}
        />
        <TextArea
          name="goals"
          label={t("goals")}
          hint={t("goalsHint")}
          rows={4}
          defaultValue={value("goals")}
          error={error("goals")}
        />
        <fieldset className="space-y-5 rounded-xl border border-line p-4">
          <legend className="px-1 text-lg font-bold">{t("practical")}</legend>
          <p className="text-sm text-ink-soft">{t("practicalIntro")}</p>
          <TextArea
            name="accessInfo"
            label={t("access")}
            hint={t("accessHint")}
            maxLength={2000}
            rows={3}
            defaultValue={value("accessInfo")}
            error={error("accessInfo")}
          />
          <TextArea
            name="childcare"
            label={t("childcare")}
            hint={t("childcareHint")}
            maxLength={1000}
            rows={2}
            defaultValue={value("childcare")}
            error={error("childcare")}
          />
          <TextArea
            name="food"
            label={t("food")}
            hint={t("foodHint")}
            maxLength={1000}
            rows={2}
            defaultValue={value("food")}
            error={error("food")}
          />
          <TextArea
            name="whatToBring"
            label={t("whatToBring")}
            maxLength={1000}
            rows={2}
            defaultValue={value("whatToBring")}
            error={error("whatToBring")}
          />
        </fieldset>
      </Fragment>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={te("saving")} intent="details">
        {t("save")}
      </SubmitButton>
    </div>
  );
}
