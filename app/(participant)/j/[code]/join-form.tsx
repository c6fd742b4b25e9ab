"use client";

import { useActionState } from "react";
import type { FormAction } from "@/app/(organiser)/use-kept-form";
import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { displayNameMax } from "@/lib/participants/profile";

/** `join` is joinEventAction bound to the event's code by the page (see useKeptForm on why not here). */
export function JoinForm({ join }: { join: FormAction<FormState> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(join, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <TextField
        name="displayName"
        label="What should people call you?"
        hint={`Your first name or a nickname, up to ${displayNameMax} characters. Everyone in the room will see it.`}
        autoComplete="given-name"
        required
        autoFocus
        defaultValue={state.values?.displayName}
        error={state.errors?.displayName}
      />
      <button type="submit" className="btn btn-primary w-full text-lg" disabled={pending}>
        {pending ? "Joining…" : "Join"}
      </button>
    </form>
  );
}
