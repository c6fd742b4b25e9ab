"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FilePicker } from "@/app/ui/file-picker";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmissionField } from "@/app/ui/submission-field";
import { acceptAttribute, maxUploadBytes, maxUploadMb } from "@/lib/files/file-types";
import { megabytesFormat, megabytesUp } from "@/lib/files/size-label";
import { SavedMessage, SubmitButton } from "../../../../form-fields";
import { type FormAction, useKeptForm } from "../../../../use-kept-form";
import type { BriefFormState } from "../actions";

/** `submission`: a fresh id each time the page is drawn, so the same upload sent twice stores one copy. */
export function UploadForm({ action, submission }: { action: FormAction<BriefFormState>; submission: string }) {
  const t = useTranslations("organiser-briefs.upload");
  const format = useFormatter();
  const { state, formProps } = useKeptForm<BriefFormState>(action, {});
  // The form itself, for what this form does after an answer (the hook also uses it).
  const form = formProps.ref;
  // Checked here too, so a file too big to send is refused at once rather than after the upload.
  const [tooBig, setTooBig] = useState<string | null>(null);
  useEffect(() => {
    if (state.saved) form.current?.reset();
  }, [state, form]);
  const fileError = tooBig ?? state.errors?.file;
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        if (tooBig) {
          event.preventDefault();
          document.getElementById("field-file")?.focus();
          return;
        }
        formProps.onSubmit(event);
      }}
      className="space-y-4"
    >
      <SubmissionField id={submission} />
      <FormMessage message={state.message} />
      <TextField
        name="fileTitle"
        label={t("titleLabel")}
        hint={t("titleHint")}
        maxLength={160}
        defaultValue={state.values?.fileTitle}
        error={state.errors?.fileTitle}
      />
      <div>
        <label htmlFor="field-file" className="field-label">
          {t("fileLabel")}
        </label>
        <span id="field-file-hint" className="field-hint">
          {t("fileHint", { max: maxUploadMb })}
        </span>
        <FilePicker
          id="field-file"
          kind="file"
          name="file"
          accept={acceptAttribute}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "field-file-hint field-file-error" : "field-file-hint"}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setTooBig(
              file && file.size > maxUploadBytes
                ? t("tooBig", { size: format.number(megabytesUp(file.size), megabytesFormat), max: maxUploadMb })
                : null,
            );
          }}
        />
        {fileError ? (
          <span id="field-file-error" className="field-error">
            {fileError}
          </span>
        ) : null}
      </div>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={t("uploading")} className="btn btn-secondary">
        {t("upload")}
      </SubmitButton>
    </form>
  );
}
