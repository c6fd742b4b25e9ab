"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../form-fields";
import { useKeptForm } from "../use-kept-form";
import { setUpMadeIn } from "./actions";

export function SetupForm() {
  const { state, formProps } = useKeptForm(setUpMadeIn, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        maxLength={80}
        required
        autoFocus
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <TextField
        name="email"
        label="Email address"
        hint="You'll sign in with this."
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
        label="Password"
        hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.password}
      />
      <TextField
        name="confirm"
        label="Type the password again"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.confirm}
      />
      <SubmitButton pendingLabel="Setting up…" className="btn btn-primary w-full">
        Create organiser account
      </SubmitButton>
    </form>
  );
}
