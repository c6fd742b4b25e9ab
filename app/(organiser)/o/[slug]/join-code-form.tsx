"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/app/ui/form";
import { SavedMessage, SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";
import type { JoinCodeFormState } from "./join-code-actions";

/** Changing the code is two steps: the old code on posters and slides stops working. */
export function JoinCodeForm({ action }: { action: FormAction<JoinCodeFormState> }) {
  const t = useTranslations("organiser.joinCode");
  const { state, formProps } = useKeptForm<JoinCodeFormState>(action, {});
  const [shown, setShown] = useState<JoinCodeFormState | null>(null);
  if (state !== shown && state.saved) setShown(state);
  // A <details>, so the two steps work before (or without) JavaScript too; a new code closes it.
  return (
    <div className="space-y-3">
      <FormMessage message={state.message} />
      <SavedMessage message={state.saved} />
      <details key={shown ? "changed" : "unchanged"} className="space-y-3">
        <summary className="btn btn-secondary w-fit cursor-pointer list-none">{t("change")}</summary>
        <form {...formProps} className="mt-3 space-y-3 rounded-xl border-2 border-coral bg-note-orange/40 p-4">
          <p className="font-semibold">{t("confirmText")}</p>
          <input type="hidden" name="confirm" value="yes" />
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel={t("pending")} className="btn btn-danger">
              {t("confirm")}
            </SubmitButton>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={(e) => e.currentTarget.closest("details")?.removeAttribute("open")}
            >
              {t("keep")}
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
