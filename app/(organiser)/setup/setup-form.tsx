"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../form-fields";
import { NewPasswordFields } from "../new-password-fields";
import { useKeptForm } from "../use-kept-form";
import { setUpMadeIn } from "./actions";

export function SetupForm() {
  const t = useTranslations("account");
  const { state, formProps } = useKeptForm(setUpMadeIn, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="name"
        label={t("fields.yourName")}
        autoComplete="name"
        maxLength={80}
        required
        autoFocus
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <TextField
        name="email"
        label={t("fields.email")}
        hint={t("setup.emailHint")}
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <NewPasswordFields
        label={t("fields.password")}
        hint={t("setup.passwordHint")}
        again={t("setup.confirm")}
        errors={state.errors}
      />
      <SubmitButton pendingLabel={t("setup.pending")} className="btn btn-primary w-full">
        {t("setup.submit")}
      </SubmitButton>
    </form>
  );
}
