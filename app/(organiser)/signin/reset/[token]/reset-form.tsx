"use client";

import type { FormState } from "@/app/ui/form";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";

export function ResetForm({ action }: { action: FormAction<FormState> }) {
  const { state, formProps } = useKeptForm<FormState>(action, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        hint="At least 10 characters. A few words you'll remember is good."
        error={state.errors?.password}
      />
      <TextField
        name="confirm"
        label="The same password again"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.confirm}
      />
      <SubmitButton pendingLabel="Saving…" className="btn btn-primary w-full">
        Save the new password
      </SubmitButton>
    </form>
  );
}
