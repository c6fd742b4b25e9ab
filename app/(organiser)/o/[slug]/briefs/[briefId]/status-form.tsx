"use client";

import { FormMessage } from "@/app/ui/form";
import { ChoiceGroup, SavedMessage, SubmitButton } from "../../../../form-fields";
import { type FormAction, useKeptForm } from "../../../../use-kept-form";
import type { BriefFormState } from "../actions";

const options = [
  { value: "draft", label: "Draft", description: "Only the people running the event can see it." },
  { value: "published", label: "Published", description: "On the public event page, once the event is published." },
  { value: "withdrawn", label: "Withdrawn", description: "Taken off the public page. Teams' work on it is kept." },
] as const;

export function BriefStatusForm({ action, status }: { action: FormAction<BriefFormState>; status: string }) {
  const { state, formProps } = useKeptForm<BriefFormState>(action, {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <ChoiceGroup
        idPrefix="brief-status"
        name="status"
        legend="Who can see this brief"
        options={options}
        defaultValue={state.values?.status ?? status}
        error={state.errors?.status}
      />
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel="Saving…">Save status</SubmitButton>
    </form>
  );
}
