"use client";

import { FormMessage, type FormState, TextField } from "@/app/ui/form";
import { SubmitButton, TextArea } from "../../../form-fields";
import { type FormAction, useKeptForm } from "../../../use-kept-form";

export function CreateProjectForm({
  action,
  teams,
}: {
  action: FormAction<FormState>;
  teams: { id: string; name: string; suggestedTitle: string }[];
}) {
  const { state, formProps } = useKeptForm(action, {});
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <div>
        <label htmlFor="field-teamId" className="field-label">
          Team whose output this is
        </label>
        <select
          id="field-teamId"
          name="teamId"
          defaultValue={v.teamId ?? teams[0]?.id ?? ""}
          className="field-input"
          aria-invalid={e.teamId ? true : undefined}
          aria-describedby={e.teamId ? "field-teamId-error" : undefined}
        >
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
          <option value="">No team (started afterwards)</option>
        </select>
        {e.teamId ? (
          <span id="field-teamId-error" className="field-error">
            {e.teamId}
          </span>
        ) : null}
      </div>
      <TextField
        name="title"
        label="Project name"
        hint="What the team made, e.g. Pop-up café in the park"
        maxLength={160}
        defaultValue={v.title ?? teams[0]?.suggestedTitle}
        error={e.title}
      />
      <TextArea
        name="summary"
        label="What it is (optional)"
        rows={3}
        maxLength={4000}
        defaultValue={v.summary}
        error={e.summary}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="ownerName"
          label="Owner"
          hint="The person taking it forward."
          maxLength={120}
          defaultValue={v.ownerName}
          error={e.ownerName}
        />
        <TextField
          name="ownerRole"
          label="Owner's role (optional)"
          hint="e.g. Resident, or Parks officer"
          maxLength={120}
          defaultValue={v.ownerRole}
          error={e.ownerRole}
        />
      </div>
      <TextField
        name="ownerEmail"
        label="Owner's email (optional)"
        hint="Their link and check-in reminders go here. Leave it empty to pass the link on yourself."
        type="email"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        defaultValue={v.ownerEmail}
        error={e.ownerEmail}
      />
      <TextArea
        name="coOwners"
        label="Co-owners (optional)"
        hint='One per line, as "name, role". Residents as well as officers.'
        rows={3}
        maxLength={4000}
        defaultValue={v.coOwners}
        error={e.coOwners}
      />
      <p className="text-sm text-ink-soft">
        It starts today, with check-ins due at 30, 60 and 90 days. You can change them next.
      </p>
      <SubmitButton pendingLabel="Creating…">Create project</SubmitButton>
    </form>
  );
}

export function CatchUpForm({ action }: { action: FormAction<FormState> }) {
  const { state, formProps } = useKeptForm(action, {});
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField
        name="name"
        label="Name"
        hint="e.g. Made in Lambeth: 30-day catch-up"
        maxLength={120}
        defaultValue={v.name}
        error={e.name}
      />
      <TextField name="place" label="Where (optional)" maxLength={160} defaultValue={v.place} error={e.place} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="startsAt"
          label="Starts"
          hint="London time"
          type="datetime-local"
          defaultValue={v.startsAt}
          error={e.startsAt}
        />
        <TextField name="endsAt" label="Ends" hint="London time" type="datetime-local" defaultValue={v.endsAt} error={e.endsAt} />
      </div>
      <SubmitButton pendingLabel="Creating…" className="btn btn-secondary">
        Create catch-up event
      </SubmitButton>
    </form>
  );
}
