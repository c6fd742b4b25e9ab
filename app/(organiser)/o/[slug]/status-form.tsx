"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/ui/form";
import { ChoiceGroup, SavedMessage, SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";
import type { StatusFormState } from "./actions";

export function StatusForm({ action, status }: { action: FormAction<StatusFormState>; status: string }) {
  const t = useTranslations("organiser.status");
  const { state, formProps } = useKeptForm<StatusFormState>(action, {});
  const options = [
    { value: "draft", label: t("draft"), description: t("draftAbout") },
    { value: "published", label: t("published"), description: t("publishedAbout") },
    { value: "archived", label: t("archived"), description: t("archivedAbout") },
  ];
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <ChoiceGroup
        idPrefix="status"
        name="status"
        legend={t("legend")}
        options={options}
        defaultValue={state.values?.status ?? status}
        error={state.errors?.status}
      />
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={t("saving")} className="btn btn-primary">
        {t("save")}
      </SubmitButton>
    </form>
  );
}
