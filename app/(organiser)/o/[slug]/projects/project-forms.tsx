"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("projects.createForm");
  const { state, formProps } = useKeptForm(action, {});
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <div>
        <label htmlFor="field-teamId" className="field-label">
          {t("team")}
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
          <option value="">{t("noTeam")}</option>
        </select>
        {e.teamId ? (
          <span id="field-teamId-error" className="field-error">
            {e.teamId}
          </span>
        ) : null}
      </div>
      <TextField
        name="title"
        label={t("title.label")}
        hint={t("title.hint")}
        maxLength={160}
        defaultValue={v.title ?? teams[0]?.suggestedTitle}
        error={e.title}
      />
      <TextArea name="summary" label={t("summary.label")} rows={3} maxLength={4000} defaultValue={v.summary} error={e.summary} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="ownerName"
          label={t("ownerName.label")}
          hint={t("ownerName.hint")}
          maxLength={120}
          defaultValue={v.ownerName}
          error={e.ownerName}
        />
        <TextField
          name="ownerRole"
          label={t("ownerRole.label")}
          hint={t("ownerRole.hint")}
          maxLength={120}
          defaultValue={v.ownerRole}
          error={e.ownerRole}
        />
      </div>
      <TextField
        name="ownerEmail"
        label={t("ownerEmail.label")}
        hint={t("ownerEmail.hint")}
        type="email"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        defaultValue={v.ownerEmail}
        error={e.ownerEmail}
      />
      <TextArea
        name="coOwners"
        label={t("coOwners.label")}
        hint={t("coOwners.hint")}
        rows={3}
        maxLength={4000}
        defaultValue={v.coOwners}
        error={e.coOwners}
      />
      <p className="text-sm text-ink-soft">{t("startsToday")}</p>
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </form>
  );
}

export function CatchUpForm({ action }: { action: FormAction<FormState> }) {
  const t = useTranslations("projects.catchUpForm");
  const { state, formProps } = useKeptForm(action, {});
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form {...formProps} className="space-y-5">
      <FormMessage message={state.message} />
      <TextField name="name" label={t("name.label")} hint={t("name.hint")} maxLength={120} defaultValue={v.name} error={e.name} />
      <TextField name="place" label={t("place")} maxLength={160} defaultValue={v.place} error={e.place} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="startsAt"
          label={t("startsAt")}
          hint={t("londonTime")}
          type="datetime-local"
          defaultValue={v.startsAt}
          error={e.startsAt}
        />
        <TextField
          name="endsAt"
          label={t("endsAt")}
          hint={t("londonTime")}
          type="datetime-local"
          defaultValue={v.endsAt}
          error={e.endsAt}
        />
      </div>
      <SubmitButton pendingLabel={t("creating")} className="btn btn-secondary">
        {t("create")}
      </SubmitButton>
    </form>
  );
}
