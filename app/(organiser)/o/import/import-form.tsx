"use client";

import { FormMessage } from "@/app/ui/form";
import { SubmitButton } from "../../form-fields";
import { useKeptForm } from "../../use-kept-form";
import { importEventAction } from "./actions";

export function ImportForm() {
  const { state, formProps } = useKeptForm(importEventAction, {});
  const error = state.errors?.file;
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <div>
        <label htmlFor="field-file" className="field-label">
          Event export (.json)
        </label>
        <span id="field-file-hint" className="field-hint">
          The JSON file from another event's review page, up to 10 MB.
        </span>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".json,application/json"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "field-file-hint field-file-error" : "field-file-hint"}
          className="mt-2 block w-full text-base"
        />
        {error ? (
          <p id="field-file-error" className="field-error">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton pendingLabel="Importing…" className="btn btn-primary">
        Import as a new event
      </SubmitButton>
    </form>
  );
}
