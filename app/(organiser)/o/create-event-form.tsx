"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmissionField } from "@/app/ui/submission-field";
import { SubmitButton, TextArea } from "../form-fields";
import { useKeptForm } from "../use-kept-form";
import { createEventAction } from "./actions";

/** `submission`: the id this form was drawn with, so a double tap without JavaScript makes one event. */
export function CreateEventForm({ submission }: { submission: string }) {
  const t = useTranslations("organiser.create");
  const { state, formProps } = useKeptForm(createEventAction, {});
  return (
    <form {...formProps} className="space-y-5" aria-labelledby="create-event-heading">
      <FormMessage message={state.message} />
      <SubmissionField id={submission} />
      <TextField
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        maxLength={120}
        required
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <TextField
        name="place"
        label={t("place")}
        hint={t("placeHint")}
        autoComplete="off"
        maxLength={160}
        defaultValue={state.values?.place}
        error={state.errors?.place}
      />
      <div className="grid gap-5">
        <TextField
          name="startsAt"
          label={t("starts")}
          hint={t("londonTime")}
          type="datetime-local"
          required
          defaultValue={state.values?.startsAt}
          error={state.errors?.startsAt}
        />
        <TextField
          name="endsAt"
          label={t("ends")}
          hint={t("londonTime")}
          type="datetime-local"
          required
          defaultValue={state.values?.endsAt}
          error={state.errors?.endsAt}
        />
      </div>
      <TextArea
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        maxLength={2000}
        rows={4}
        defaultValue={state.values?.description}
        error={state.errors?.description}
      />
      <p className="text-sm text-ink-soft">{t("draftNote")}</p>
      <SubmitButton pendingLabel={t("pending")} className="btn btn-primary w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
