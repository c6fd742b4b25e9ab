"use client";

import { FormMessage } from "@/app/ui/form";
import { SavedMessage, SubmitButton } from "../../../form-fields";
import { useKeptForm } from "../../../use-kept-form";
import { inviteToCatchUpAction, type SavedState, sendReminderAction } from "./actions";

export function ReminderForm({ slug, projectId }: { slug: string; projectId: string }) {
  const { state, formProps } = useKeptForm<SavedState>(sendReminderAction.bind(null, slug, projectId), {});
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

export function CatchUpInviteForm({ slug }: { slug: string }) {
  const { state, formProps } = useKeptForm<SavedState>(inviteToCatchUpAction.bind(null, slug), {});
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
