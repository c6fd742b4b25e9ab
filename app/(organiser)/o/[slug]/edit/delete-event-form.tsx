"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { DeleteFormState } from "./privacy-actions";

/** A deliberate act: the event's name typed out, then one button. Works without JavaScript. */
export function DeleteEventForm({ action, eventName }: { action: FormAction<DeleteFormState>; eventName: string }) {
  const t = useTranslations("organiser.delete");
  const { state, formProps } = useKeptForm<DeleteFormState>(action, {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <TextField
        name="confirm"
        label={t("confirm", { event: eventName })}
        autoComplete="off"
        maxLength={200}
        defaultValue={state.values?.confirm ?? ""}
        error={state.errors?.confirm}
      />
      <SubmitButton pendingLabel={t("pending")} className="btn btn-danger">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
