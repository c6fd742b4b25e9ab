"use client";

import { FormMessage } from "@/app/ui/form";
import { SubmitButton } from "../../form-fields";
import { useKeptForm } from "../../use-kept-form";
import { acceptInviteAction } from "./actions";

export function AcceptForm({ token, label }: { token: string; label: string }) {
  const { state, formProps } = useKeptForm(acceptInviteAction.bind(null, token), {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <SubmitButton pendingLabel="Joining…" className="btn btn-primary w-full sm:w-auto">
        {label}
      </SubmitButton>
    </form>
  );
}
