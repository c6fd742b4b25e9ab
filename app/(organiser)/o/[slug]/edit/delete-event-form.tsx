"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { DeleteFormState } from "./privacy-actions";

/** A deliberate act: the event's name typed out, then one button. Works without JavaScript. */
export function DeleteEventForm({ action, eventName }: { action: FormAction<DeleteFormState>; eventName: string }) {
  const { state, formProps } = useKeptForm<DeleteFormState>(action, {});
  return (
    <form {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      <TextField
        name="confirm"
        label={`Type the event's name, ${eventName}, to confirm`}
        autoComplete="off"
        maxLength={200}
        defaultValue={state.values?.confirm ?? ""}
      />
      <SubmitButton pendingLabel="Deleting…" className="btn btn-danger">
        Delete this event for good
      </SubmitButton>
    </form>
  );
}
