"use client";

import { useTranslations } from "next-intl";
import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";

export function CreateAccountForm({ action }: { action: FormAction<FormState> }) {
  const t = useTranslations("account");
  const { state, formProps } = useKeptForm(action, {});
  return (
    <form {...formProps} className="space-y-5" aria-labelledby="new-account-heading">
      <FormMessage message={state.message} />
      <TextField
        name="name"
        label={t("fields.yourName")}
        hint={t("invite.nameHint")}
        autoComplete="name"
        maxLength={80}
        required
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <TextField
        name="email"
        label={t("fields.email")}
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
        label={t("invite.choosePassword")}
        hint={t("invite.passwordHint")}
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.password}
      />
      <SubmitButton pendingLabel={t("invite.creating")} className="btn btn-primary w-full">
        {t("invite.create")}
      </SubmitButton>
    </form>
  );
}
