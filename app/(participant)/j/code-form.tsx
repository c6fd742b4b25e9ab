"use client";

import { useActionState } from "react";
import { type FormState, TextField } from "@/app/ui/form";
import { findEventByCode } from "./actions";

export function CodeForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(findEventByCode, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <TextField
        name="code"
        label="Join code"
        hint="6 letters and numbers, e.g. K7Q-4MX"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={12}
        required
        autoFocus
        defaultValue={state.values?.code}
        error={state.errors?.code}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Finding…" : "Continue"}
      </button>
    </form>
  );
}
