"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../form-fields";
import { useKeptForm } from "../../use-kept-form";
import { requestResetAction } from "./actions";

export function ForgotForm() {
  const t = useTranslations("account");
  const { state, formProps } = useKeptForm(requestResetAction, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <SubmitButton pendingLabel={t("forgot.pending")} className="btn btn-primary w-full">
        {t("forgot.submit")}
      </SubmitButton>
    </form>
  );
}
