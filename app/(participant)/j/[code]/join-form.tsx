"use client";

import { useTranslations } from "next-intl";
import { type FormAction, useKeptForm } from "@/app/(organiser)/use-kept-form";
import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { displayNameMax } from "@/lib/participants/profile";

/**
 * `join` is joinEventAction bound to the event's code by the page (see useKeptForm on why not here);
 * `submission` a fresh id each time the page is drawn: the same form sent twice joins once.
 */
export function JoinForm({ join, submission }: { join: FormAction<FormState>; submission: string }) {
  const t = useTranslations("join.joinForm");
  // Kept: a connection lost on "Join" says so and keeps the name, instead of an error page.
  const { state, pending, formProps } = useKeptForm<FormState>(join, {});
  return (
    <form {...formProps} className="space-y-5">
      <input type="hidden" name="submission" value={submission} />
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
