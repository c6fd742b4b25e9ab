"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { useKeptForm } from "../../../use-kept-form";
import { createBriefAction } from "./actions";

export function CreateBriefForm({ slug }: { slug: string }) {
  const { state, formProps } = useKeptForm(createBriefAction.bind(null, slug), {});
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
