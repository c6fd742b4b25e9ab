"use client";

import { useEffect, useRef, useState } from "react";
import { FormMessage, TextField } from "@/app/ui/form";
import { acceptAttribute, allowedTypesSentence, maxUploadBytes, maxUploadLabel } from "@/lib/files/file-types";
import { SavedMessage, SubmitButton } from "../../../../form-fields";
import { type FormAction, useKeptForm } from "../../../../use-kept-form";
import type { BriefFormState } from "../actions";

export function UploadForm({ action }: { action: FormAction<BriefFormState> }) {
  const { state, formProps } = useKeptForm<BriefFormState>(action, {});
  const form = useRef<HTMLFormElement>(null);
  // Checked here too, so a file too big to send is refused at once rather than after the upload.
  const [tooBig, setTooBig] = useState<string | null>(null);
  useEffect(() => {
    if (state.saved) form.current?.reset();
  }, [state]);
  const fileError = tooBig ?? state.errors?.file;
  return (
    <form
      ref={form}
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
      <FormMessage message={state.message} />
      <TextField
        name="fileTitle"
        label="Title (optional)"
        hint="What people will see, e.g. Park usage survey 2025. Blank: the file's name."
        maxLength={160}
        defaultValue={state.values?.fileTitle}
        error={state.errors?.fileTitle}
      />
      <div>
        <label htmlFor="field-file" className="field-label">
          File
        </label>
        <span id="field-file-hint" className="field-hint">
          {allowedTypesSentence}; up to {maxUploadLabel}.
        </span>
        <input
          id="field-file"
          name="file"
          type="file"
          accept={acceptAttribute}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "field-file-hint field-file-error" : "field-file-hint"}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setTooBig(
              file && file.size > maxUploadBytes
                ? `This file is ${(Math.ceil((file.size / 1024 / 1024) * 10) / 10).toFixed(1)} MB. Files can be up to ${maxUploadLabel}.`
                : null,
            );
          }}
          className="field-input file:me-3 file:rounded-lg file:border-0 file:bg-brand-soft file:px-3 file:py-2 file:font-semibold file:text-brand-dark"
        />
        {fileError ? (
          <span id="field-file-error" className="field-error">
            {fileError}
          </span>
        ) : null}
      </div>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel="Uploading…" className="btn btn-secondary">
        Upload file
      </SubmitButton>
    </form>
  );
}
