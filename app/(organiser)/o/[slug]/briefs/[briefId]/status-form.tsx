"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/ui/form";
import { ChoiceGroup, SavedMessage, SubmitButton } from "../../../../form-fields";
import { type FormAction, useKeptForm } from "../../../../use-kept-form";
import type { BriefFormState } from "../actions";

const statuses = ["draft", "published", "withdrawn"] as const;

export function BriefStatusForm({ action, status }: { action: FormAction<BriefFormState>; status: string }) {
  const t = useTranslations("organiser-briefs.status");
  const { state, formProps } = useKeptForm<BriefFormState>(action, {});
  const options = statuses.map((value) => ({ value, label: t(`${value}.label`), description: t(`${value}.description`) }));
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <ChoiceGroup
        idPrefix="brief-status"
        name="status"
        legend={t("legend")}
        options={options}
        defaultValue={state.values?.status ?? status}
        error={state.errors?.status}
      />
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
