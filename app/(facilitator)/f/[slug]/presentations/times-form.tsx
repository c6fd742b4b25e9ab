"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { FormAction } from "@/app/(organiser)/use-kept-form";
import { useKeptForm } from "@/app/(organiser)/use-kept-form";
import type { TimesFormState } from "./actions";

const asMinutes = (seconds: number) => String(seconds / 60);

/**
 * Each team's minutes to present and for questions: a form posted to a server action (bound by the
 * page), so it saves without JavaScript too and answers "Times saved" either way. `times`: the
 * room's times now (live once the page is connected), which the fields start from.
 *
 * The console draws this form in one place before the room's live state has arrived and in another
 * after; its state is held by the console (this hook), so a save pressed just before the state
 * arrives still says "Times saved", and nothing typed is lost in the move.
 */
export function useTimesForm(action: FormAction<TimesFormState>, times: { presentSeconds: number; questionsSeconds: number }) {
  const { state, pending, formProps } = useKeptForm<TimesFormState>(action, {});
  const v = state.values ?? {};
  // Held here, so what was typed stays through a refusal; without JavaScript the echoed values refill it.
  const [present, setPresent] = useState(v.present ?? asMinutes(times.presentSeconds));
  const [questions, setQuestions] = useState(v.questions ?? asMinutes(times.questionsSeconds));
  // The room's times changed (saved here, or on another console): the fields show them.
  useEffect(() => {
    setPresent(asMinutes(times.presentSeconds));
    setQuestions(asMinutes(times.questionsSeconds));
  }, [times.presentSeconds, times.questionsSeconds]);
  return { state, pending, formProps, present, setPresent, questions, setQuestions };
}

export type TimesFormHandle = ReturnType<typeof useTimesForm>;

export function TimesForm({ form }: { form: TimesFormHandle }) {
  const t = useTranslations("presentations-console.times");
  const id = useId();
  const { state, pending, formProps, present, setPresent, questions, setQuestions } = form;
  const e = state.errors ?? {};
  const problem = state.message ?? (Object.keys(e).length > 0 ? t("notSaved") : undefined);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3" data-testid="times-form">
      <MinutesField
        id={`${id}-present`}
        name="present"
        label={t("present")}
        min={0.5}
        value={present}
        onChange={setPresent}
        error={e.present}
      />
      <MinutesField
        id={`${id}-questions`}
        name="questions"
        label={t("questions")}
        min={0}
        value={questions}
        onChange={setQuestions}
        error={e.questions}
      />
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        {t("save")}
      </button>
      {/* Said where the button is, and to screen readers: a save nobody sees confirmed gets made twice. */}
      <p
        role="status"
        className={`min-h-11 self-center font-semibold ${problem ? "text-danger" : "text-brand-dark"}`}
        data-testid="times-status"
      >
        {pending ? t("saving") : (problem ?? state.saved ?? "")}
      </p>
    </form>
  );
}

/** One minutes field, with its own error said beside it. */
function MinutesField(props: {
  id: string;
  name: string;
  label: string;
  min: number;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={props.id} className="field-label">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type="number"
        min={props.min}
        max={60}
        step={0.5}
        className="field-input w-32"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error ? (
        <span id={`${props.id}-error`} className="field-error block max-w-64">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
