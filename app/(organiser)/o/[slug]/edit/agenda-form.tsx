"use client";

import { FormMessage } from "@/app/ui/form";
import { SavedMessage, SubmitButton } from "../../../form-fields";
import { ListEditor } from "../../../list-editor";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { SavedFormState } from "./actions";

const columns = [
  { key: "name", label: "Phase", maxLength: 80, placeholder: "Kick-off evening", wide: true },
  { key: "startsAt", label: "Starts", type: "datetime-local", hint: "London time" },
  { key: "endsAt", label: "Ends (optional)", type: "datetime-local", hint: "Blank: until the next phase" },
] as const;

export function AgendaForm({ action, phases }: { action: FormAction<SavedFormState>; phases: Record<string, string>[] }) {
  const { state, formProps } = useKeptForm<SavedFormState>(action, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <ListEditor
        name="phases"
        noun="phase"
        columns={columns}
        hiddenKeys={["id"]}
        initialRows={phases}
        errors={state.errors}
        addLabel="Add a phase"
        emptyText="No phases yet. A weekend usually has a kick-off evening, a day to explore, a day to make, and presentations."
      />
      <p className="text-sm text-ink-soft">The agenda is shown in time order; phases that start together keep the order above.</p>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel="Saving…">Save agenda</SubmitButton>
    </form>
  );
}
