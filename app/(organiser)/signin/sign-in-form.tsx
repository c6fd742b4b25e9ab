"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../form-fields";
import { useKeptForm } from "../use-kept-form";
import { signIn } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("account");
  const { state, formProps } = useKeptForm(signIn, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <TextField
        name="email"
        label={t("fields.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        required
        autoFocus
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <TextField
        name="password"
        label={t("fields.password")}
        type="password"
        autoComplete="current-password"
        maxLength={200}
        required
        error={state.errors?.password}
      />
      <SubmitButton pendingLabel={t("signIn.pending")} className="btn btn-primary w-full">
        {t("signIn.submit")}
      </SubmitButton>
    </form>
  );
}
