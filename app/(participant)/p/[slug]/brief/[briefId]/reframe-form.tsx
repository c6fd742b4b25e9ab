"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { SavedMessage, SubmitButton, TextArea } from "@/app/(organiser)/form-fields";
import { type FormAction, useKeptForm } from "@/app/(organiser)/use-kept-form";
import { FormMessage } from "@/app/ui/form";
import { SubmissionField } from "@/app/ui/submission-field";
import type { ReframeFormState } from "./actions";

/** "Tear up the brief": the team's own problem statement, kept beside the original. */
export function ReframeForm(props: {
  action: FormAction<ReframeFormState>;
  teams: { id: string; name: string }[] | null;
  /** The id of the team's current reframe, as the page was last drawn (it follows the room). */
  current: string | null;
  /** A fresh id each time the page is drawn: the same form sent twice saves one reframe. */
  submission: string;
}) {
  const t = useTranslations("brief.reframe");
  const { state, formProps } = useKeptForm<ReframeFormState>(props.action, {});
  // The form itself, for what this form does after an answer (the hook also uses it).
  const form = formProps.ref;
  // The version the person started typing over: if a teammate saves another meanwhile, their words
  // stay in the box (never overwritten) and they are told, so they don't save over it unawares.
  const [typingOver, setTypingOver] = useState<{ from: string | null } | null>(null);
  useEffect(() => {
    if (state.saved) form.current?.reset();
  }, [state, form]);
  const onInput = () => {
    const typed = (form.current?.elements.namedItem("text") as HTMLTextAreaElement | null)?.value.trim() ?? "";
    if (!typed) setTypingOver(null);
    else if (!typingOver) setTypingOver({ from: props.current });
  };
  const teamError = state.errors?.teamId;
  const changedMeanwhile = typingOver !== null && typingOver.from !== props.current;
  return (
    <form
      {...formProps}
      onInput={onInput}
      onSubmit={(event) => {
        // Sent: whatever the team saves next is news again.
        setTypingOver(null);
        formProps.onSubmit(event);
      }}
      className="space-y-4"
    >
      <SubmissionField id={props.submission} />
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
      <p role="status" className={changedMeanwhile ? "rounded-lg bg-sun px-4 py-3 font-semibold text-ink" : "sr-only"}>
        {changedMeanwhile ? t("changedMeanwhile") : null}
      </p>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={t("saving")} className="btn btn-primary w-full">
        {props.current ? t("saveNew") : t("saveFirst")}
      </SubmitButton>
    </form>
  );
}
