"use client";

import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";

export function CreateAccountForm({ action }: { action: FormAction<FormState> }) {
  const { state, formProps } = useKeptForm(action, {});
  return (
    <form {...formProps} className="space-y-5" aria-labelledby="new-account-heading">
      <FormMessage message={state.message} />
      <TextField
        name="name"
        label="Your name"
        hint="Shown to the other people running the event."
        autoComplete="name"
        maxLength={80}
        required
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <TextField
        name="password"
        label="Choose a password"
        hint="At least 10 characters. A short sentence works well."
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.password}
      />
      <SubmitButton pendingLabel="Creating your account…" className="btn btn-primary w-full">
        Create account and join
      </SubmitButton>
    </form>
  );
}
