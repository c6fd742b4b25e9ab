"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../form-fields";
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
      <TextField
        name="password"
        label={t("fields.password")}
        hint={t("setup.passwordHint")}
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.password}
      />
      <TextField
        name="confirm"
        label={t("setup.confirm")}
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={state.errors?.confirm}
      />
      <SubmitButton pendingLabel={t("setup.pending")} className="btn btn-primary w-full">
        {t("setup.submit")}
      </SubmitButton>
    </form>
  );
}
