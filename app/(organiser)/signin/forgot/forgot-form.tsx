"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../form-fields";
import { useKeptForm } from "../../use-kept-form";
import { requestResetAction } from "./actions";

export function ForgotForm() {
  const { state, formProps } = useKeptForm(requestResetAction, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <SubmitButton pendingLabel="Sending…" className="btn btn-primary w-full">
        Send me a reset link
      </SubmitButton>
    </form>
  );
}
