"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SubmitButton, TextArea } from "../form-fields";
import { useKeptForm } from "../use-kept-form";
import { createEventAction } from "./actions";

export function CreateEventForm() {
  const { state, formProps } = useKeptForm(createEventAction, {});
  return (
    <form {...formProps} className="space-y-5" aria-labelledby="create-event-heading">
      <FormMessage message={state.message} />
      <TextField
        name="name"
        label="Event name"
        hint="For example, Made in Lambeth: Spring 2027"
        maxLength={120}
        required
        defaultValue={state.values?.name}
        error={state.errors?.name}
      />
      <TextField
        name="place"
        label="Where (optional)"
        hint="Venue and area, so people can find it"
        autoComplete="off"
        maxLength={160}
        defaultValue={state.values?.place}
        error={state.errors?.place}
      />
      <div className="grid gap-5">
        <TextField
          name="startsAt"
          label="Starts"
          hint="London time"
          type="datetime-local"
          required
          defaultValue={state.values?.startsAt}
          error={state.errors?.startsAt}
        />
        <TextField
          name="endsAt"
          label="Ends"
          hint="London time"
          type="datetime-local"
          required
          defaultValue={state.values?.endsAt}
          error={state.errors?.endsAt}
        />
      </div>
      <TextArea
        name="description"
        label="Description (optional)"
        hint="What the weekend is for and who should come. Shown on the public event page."
        maxLength={2000}
        rows={4}
        defaultValue={state.values?.description}
        error={state.errors?.description}
      />
      <p className="text-sm text-ink-soft">
        New events start as drafts: only you and the people you invite can see them until you publish.
      </p>
      <SubmitButton pendingLabel="Creating…" className="btn btn-primary w-full">
        Create event
      </SubmitButton>
    </form>
  );
}
