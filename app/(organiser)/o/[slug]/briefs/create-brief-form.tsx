"use client";

import { useTranslations } from "next-intl";
import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { SubmissionField } from "@/app/ui/submission-field";
import { SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";

/** `submission`: the id this form was drawn with, so a double tap without JavaScript adds one brief. */
export function CreateBriefForm({ action, submission }: { action: FormAction<FormState>; submission: string }) {
  const t = useTranslations("organiser-briefs.create");
  const { state, formProps } = useKeptForm(action, {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <SubmissionField id={submission} />
      <TextField
        name="title"
        label={t("titleLabel")}
        hint={t("titleHint")}
        maxLength={120}
        defaultValue={state.values?.title}
        error={state.errors?.title}
      />
      <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}
