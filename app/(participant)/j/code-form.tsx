"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type FormState, TextField } from "@/app/ui/form";
import { findEventByCode } from "./actions";

export function CodeForm() {
  const t = useTranslations("join.codeForm");
  const [state, action, pending] = useActionState<FormState, FormData>(findEventByCode, {});
  return (
    <form action={action} className="space-y-5" noValidate>
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
