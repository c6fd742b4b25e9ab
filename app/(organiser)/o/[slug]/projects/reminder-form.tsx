"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/ui/form";
import { SavedMessage, SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { SavedState } from "./actions";

export function ReminderForm({ action }: { action: FormAction<SavedState> }) {
  const t = useTranslations("projects.reminder");
  const { state, formProps } = useKeptForm<SavedState>(action, {});
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <SubmitButton pendingLabel={t("sending")} className="btn btn-secondary">
        {t("send")}
      </SubmitButton>
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
    </form>
  );
}

export function CatchUpInviteForm({ action }: { action: FormAction<SavedState> }) {
  const t = useTranslations("projects.reminder");
  const { state, formProps } = useKeptForm<SavedState>(action, {});
  return (
    <form {...formProps} className="space-y-3">
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
      <SubmitButton pendingLabel={t("sending")} className="btn btn-primary">
        {t("emailInvitation")}
      </SubmitButton>
    </form>
  );
}
