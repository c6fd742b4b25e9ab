"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../form-fields";
import { useKeptForm } from "../use-kept-form";
import { signIn } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const { state, formProps } = useKeptForm(signIn, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        required
        autoFocus
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        maxLength={200}
        required
        error={state.errors?.password}
      />
      <SubmitButton pendingLabel="Signing in…" className="btn btn-primary w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
