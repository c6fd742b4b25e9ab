"use client";

import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";

export function CreateBriefForm({ action }: { action: FormAction<FormState> }) {
  const { state, formProps } = useKeptForm(action, {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <TextField
        name="title"
        label="New brief's title"
        hint="You'll write the rest next. New briefs start as drafts."
        maxLength={120}
        defaultValue={state.values?.title}
        error={state.errors?.title}
      />
      <SubmitButton pendingLabel="Adding…">Add brief</SubmitButton>
    </form>
  );
}
