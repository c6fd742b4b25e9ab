"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormAction } from "@/app/(organiser)/use-kept-form";
import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { displayNameMax } from "@/lib/participants/profile";

/** `join` is joinEventAction bound to the event's code by the page (see useKeptForm on why not here). */
export function JoinForm({ join }: { join: FormAction<FormState> }) {
  const t = useTranslations("join.joinForm");
  const [state, action, pending] = useActionState<FormState, FormData>(join, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage message={state.message} />
      <TextField
        name="displayName"
        label={t("nameLabel")}
        hint={t("nameHint", { max: displayNameMax })}
        autoComplete="given-name"
        required
        autoFocus
        defaultValue={state.values?.displayName}
        error={state.errors?.displayName}
      />
      <button type="submit" className="btn btn-primary w-full text-lg" disabled={pending}>
        {pending ? t("joining") : t("join")}
      </button>
    </form>
  );
}
