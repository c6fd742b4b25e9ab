"use client";

import { useActionState } from "react";
import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { joinEventAction } from "./actions";

export function JoinForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(joinEventAction.bind(null, code), {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <TextField
        name="displayName"
        label="What should people call you?"
        hint="Your first name or a nickname. Everyone in the room will see it."
        autoComplete="given-name"
        maxLength={40}
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
