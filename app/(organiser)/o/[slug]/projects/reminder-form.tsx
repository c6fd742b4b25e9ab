"use client";

import { FormMessage } from "@/app/ui/form";
import { SavedMessage, SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { SavedState } from "./actions";

export function ReminderForm({ action }: { action: FormAction<SavedState> }) {
  const { state, formProps } = useKeptForm<SavedState>(action, {});
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <SubmitButton pendingLabel="Sending…" className="btn btn-secondary">
        Send a reminder
      </SubmitButton>
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
    </form>
  );
}

export function CatchUpInviteForm({ action }: { action: FormAction<SavedState> }) {
  const { state, formProps } = useKeptForm<SavedState>(action, {});
  return (
    <form {...formProps} className="space-y-3">
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
      <SubmitButton pendingLabel="Sending…" className="btn btn-primary">
        Email the invitation
      </SubmitButton>
    </form>
  );
}
