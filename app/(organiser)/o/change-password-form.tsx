"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { FormMessage, TextField } from "@/app/ui/form";
import { SavedMessage, SubmitButton } from "../form-fields";
import { NewPasswordFields } from "../new-password-fields";
import { useKeptForm } from "../use-kept-form";
import { changePasswordAction, type PasswordChangeState } from "./password-actions";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const { state, fieldsKept, formProps } = useKeptForm<PasswordChangeState>(changePasswordAction, {});
  const form = formProps.ref;
  // Changed: the boxes empty, so the new password doesn't sit in the page.
  useEffect(() => {
    if (state.saved) form.current?.reset();
  }, [state, form]);
  const refused = Boolean(state.message || state.errors);
  return (
    <form {...formProps} className="max-w-md space-y-5" aria-labelledby="password-heading">
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
      {/* Posted without a script, the page comes back with empty boxes: say why. */}
      {refused && !fieldsKept ? <p className="text-ink-soft">{t("change.retype")}</p> : null}
      <TextField
        name="current"
        label={t("change.current")}
        type="password"
        autoComplete="current-password"
        maxLength={200}
        required
        error={state.errors?.current}
      />
      <NewPasswordFields
        label={t("reset.newPassword")}
        hint={t("reset.newPasswordHint")}
        again={t("reset.again")}
        errors={state.errors}
      />
      <SubmitButton pendingLabel={t("change.pending")} className="btn btn-primary">
        {t("change.submit")}
      </SubmitButton>
    </form>
  );
}
