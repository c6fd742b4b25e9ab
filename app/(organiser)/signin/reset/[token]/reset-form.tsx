"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/app/ui/form";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";

export function ResetForm({ action }: { action: FormAction<FormState> }) {
  const t = useTranslations("account.reset");
  const { state, formProps } = useKeptForm<FormState>(action, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="password"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        hint={t("newPasswordHint")}
        error={state.errors?.password}
      />
      <TextField
        name="confirm"
        label={t("again")}
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.confirm}
      />
      <SubmitButton pendingLabel={t("pending")} className="btn btn-primary w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
