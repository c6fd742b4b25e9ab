"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FilePicker } from "@/app/ui/file-picker";
import { FormMessage } from "@/app/ui/form";
import { maxImportBytes, maxImportLabel } from "@/lib/exports/import-limits";
import { SubmitButton } from "../../form-fields";
import { useKeptForm } from "../../use-kept-form";
import { importEventAction } from "./actions";

export function ImportForm() {
  const t = useTranslations("organiser.import");
  const { state, formProps } = useKeptForm(importEventAction, {});
  // With JavaScript, a file over the limit is named before it is sent (the server refuses it too).
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("file");
    if (file instanceof File && file.size > maxImportBytes) {
      event.preventDefault();
      setTooLarge(t("tooLarge", { size: maxImportLabel }));
      return;
    }
    setTooLarge(null);
    formProps.onSubmit(event);
  };
  const error = tooLarge ?? state.errors?.file;
  return (
    <form {...formProps} onSubmit={onSubmit} className="space-y-5">
      <FormMessage message={state.message} />
      <div>
        <label htmlFor="field-file" className="field-label">
          {t("fileLabel")}
        </label>
        <span id="field-file-hint" className="field-hint">
          {t("fileHint")}
        </span>
        <FilePicker
          id="field-file"
          kind="file"
          name="file"
          accept=".zip,application/zip,.json,application/json"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "field-file-hint field-file-error" : "field-file-hint"}
        />
        {error ? (
          <p id="field-file-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel={t("pending")} className="btn btn-primary">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
