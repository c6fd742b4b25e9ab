"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton } from "../../../form-fields";
import { useKeptForm } from "../../../use-kept-form";
import { type DeleteFormState, deleteEventAction } from "./privacy-actions";

/** A deliberate act: the event's name typed out, then one button. Works without JavaScript. */
export function DeleteEventForm({ slug, eventName }: { slug: string; eventName: string }) {
  const { state, formProps } = useKeptForm<DeleteFormState>(deleteEventAction.bind(null, slug), {});
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
