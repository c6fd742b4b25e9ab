"use client";

import { useTranslations } from "next-intl";
import { FormMessage, type FormState } from "@/app/ui/form";
import { SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";

export function AcceptForm({ action, label }: { action: FormAction<FormState>; label: string }) {
  const t = useTranslations("account.invite");
  const { state, formProps } = useKeptForm(action, {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <SubmitButton pendingLabel={t("joining")} className="btn btn-primary w-full sm:w-auto">
        {label}
      </SubmitButton>
    </form>
  );
}
