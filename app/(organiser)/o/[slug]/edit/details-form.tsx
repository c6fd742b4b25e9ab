"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SavedMessage, SubmitButton, TextArea } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { SavedFormState } from "./actions";

export type DetailsValues = Record<
  "name" | "place" | "startsAt" | "endsAt" | "description" | "goals" | "accessInfo" | "childcare" | "food" | "whatToBring",
  string
>;

export function DetailsForm({ action, initial }: { action: FormAction<SavedFormState>; initial: DetailsValues }) {
  const { state, formProps } = useKeptForm<SavedFormState>(action, {});
  const value = (name: keyof DetailsValues) => state.values?.[name] ?? initial[name];
  const error = (name: keyof DetailsValues) => state.errors?.[name];
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField name="name" label="Event name" maxLength={120} required defaultValue={value("name")} error={error("name")} />
      <TextField
        name="place"
        label="Where"
        hint="Venue and area, so people can find it"
        maxLength={160}
        autoComplete="off"
        defaultValue={value("place")}
        error={error("place")}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="startsAt"
          label="Starts"
          hint="London time"
          type="datetime-local"
          required
          defaultValue={value("startsAt")}
          error={error("startsAt")}
        />
        <TextField
          name="endsAt"
          label="Ends"
          hint="London time"
          type="datetime-local"
          required
          defaultValue={value("endsAt")}
          error={error("endsAt")}
        />
      </div>
      <TextArea
        name="description"
        label="Short description"
        hint="What the weekend is for and who should come. Shown on the public event page and in link previews."
        maxLength={2000}
        rows={4}
        defaultValue={value("description")}
        error={error("description")}
      />
      <TextArea
        name="goals"
        label="Goals and mantras"
        hint="One per line, for example: Less talking, more doing. Shown on the public page and in the room."
        rows={4}
        defaultValue={value("goals")}
        error={error("goals")}
      />
      <fieldset className="space-y-5 rounded-xl border border-line p-4">
        <legend className="px-1 text-lg font-bold">Practical details</legend>
        <p className="text-sm text-ink-soft">What people asked about before coming. Leave blank what doesn't apply.</p>
        <TextArea
          name="accessInfo"
          label="Access"
          hint="Step-free entry, toilets, hearing loop, quiet room, how to ask for what you need"
          maxLength={2000}
          rows={3}
          defaultValue={value("accessInfo")}
          error={error("accessInfo")}
        />
        <TextArea
          name="childcare"
          label="Childcare (crèche)"
          hint="Ages, hours, how to book"
          maxLength={1000}
          rows={2}
          defaultValue={value("childcare")}
          error={error("childcare")}
        />
        <TextArea
          name="food"
          label="Food"
          hint="Which meals are provided, and how to tell you about dietary needs"
          maxLength={1000}
          rows={2}
          defaultValue={value("food")}
          error={error("food")}
        />
        <TextArea
          name="whatToBring"
          label="What to bring"
          maxLength={1000}
          rows={2}
          defaultValue={value("whatToBring")}
          error={error("whatToBring")}
        />
      </fieldset>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel="Saving…">Save details</SubmitButton>
    </form>
  );
}
