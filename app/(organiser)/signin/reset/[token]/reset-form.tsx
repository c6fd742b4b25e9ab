"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/app/ui/form";
import { FormMessage } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { NewPasswordFields } from "../../../new-password-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";

export function ResetForm({ action }: { action: FormAction<FormState> }) {
  const t = useTranslations("account.reset");
  const { state, formProps } = useKeptForm<FormState>(action, {});
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <NewPasswordFields label={t("newPassword")} hint={t("newPasswordHint")} again={t("again")} errors={state.errors} />
      <SubmitButton pendingLabel={t("pending")} className="btn btn-primary w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
