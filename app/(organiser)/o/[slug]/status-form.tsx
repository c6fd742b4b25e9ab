"use client";

import { FormMessage } from "@/app/ui/form";
import { ChoiceGroup, SavedMessage, SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";
import type { StatusFormState } from "./actions";

const options = [
  { value: "draft", label: "Draft", description: "Only the people running the event can see its page." },
  { value: "published", label: "Published", description: "Anyone with the link can see the event and its briefs, and join." },
  {
    value: "archived",
    label: "Archived",
    description: "The weekend is over. Its page stays up as a record; nobody new can join.",
  },
] as const;

export function StatusForm({ action, status }: { action: FormAction<StatusFormState>; status: string }) {
  const { state, formProps } = useKeptForm<StatusFormState>(action, {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <ChoiceGroup
        idPrefix="status"
        name="status"
        legend="Who can see this event"
        options={options}
        defaultValue={state.values?.status ?? status}
        error={state.errors?.status}
      />
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel="Saving…" className="btn btn-primary">
        Save status
      </SubmitButton>
    </form>
  );
}
