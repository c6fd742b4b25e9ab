"use client";

import { useTranslations } from "next-intl";
import { useKeptForm } from "@/app/(organiser)/use-kept-form";
import { type FormState, TextField } from "@/app/ui/form";
import { findEventByCode } from "./actions";

export function CodeForm() {
  const t = useTranslations("join.codeForm");
  // Kept: a connection lost on "Continue" says so and keeps the code, instead of an error page.
  const { state, pending, formProps } = useKeptForm<FormState>(findEventByCode, {});
  return (
    <form {...formProps} className="space-y-5">
      <TextField
        name="code"
        label={t("label")}
        hint={t("hint")}
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={12}
        required
        autoFocus
        defaultValue={state.values?.code}
        error={state.errors?.code}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? t("finding") : t("continue")}
      </button>
    </form>
  );
}
