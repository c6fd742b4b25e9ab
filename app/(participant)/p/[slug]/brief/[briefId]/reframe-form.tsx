"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { SavedMessage, SubmitButton, TextArea } from "@/app/(organiser)/form-fields";
import { type FormAction, useKeptForm } from "@/app/(organiser)/use-kept-form";
import { FormMessage } from "@/app/ui/form";
import type { ReframeFormState } from "./actions";

/** "Tear up the brief": the team's own problem statement, kept beside the original. */
export function ReframeForm(props: {
  action: FormAction<ReframeFormState>;
  teams: { id: string; name: string }[] | null;
  current: string;
}) {
  const t = useTranslations("brief.reframe");
  const { state, formProps } = useKeptForm<ReframeFormState>(props.action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.saved) form.current?.reset();
  }, [state]);
  const teamError = state.errors?.teamId;
  return (
    <form ref={form} {...formProps} className="space-y-4">
      <FormMessage message={state.message} />
      {props.teams ? (
        <div>
          <label htmlFor="field-teamId" className="field-label">
            {t("team")}
          </label>
          <select
            id="field-teamId"
            name="teamId"
            defaultValue={state.values?.teamId ?? (props.teams.length === 1 ? props.teams[0]!.id : "")}
            aria-invalid={teamError ? true : undefined}
            aria-describedby={teamError ? "field-teamId-error" : undefined}
            className="field-input"
          >
            <option value="">{t("chooseTeam")}</option>
            {props.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          {teamError ? (
            <span id="field-teamId-error" className="field-error">
              {teamError}
            </span>
          ) : null}
        </div>
      ) : null}
      <TextArea
        name="text"
        label={t("label")}
        hint={t("hint")}
        rows={5}
        maxLength={1000}
        defaultValue={state.values?.text ?? ""}
        error={state.errors?.text}
      />
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={t("saving")} className="btn btn-primary w-full">
        {props.current ? t("saveNew") : t("saveFirst")}
      </SubmitButton>
    </form>
  );
}
