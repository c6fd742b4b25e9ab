"use client";

import { createContext, useContext, useEffect, useState } from "react";
import { FormMessage } from "@/app/ui/form";
import { type FormAction, useKeptForm } from "../../../use-kept-form";
import type { EditorSection, EditorState, SavedFormState } from "./actions";

type Answers = Partial<Record<EditorSection, SavedFormState>>;
const Answers = createContext<Answers>({});
/** One value for "no answer yet", so a section not answered is not drawn again (use-edit-basis.ts compares answers). */
const none: SavedFormState = {};

/** The sections as the page is drawn: the one answered, and the others as posted (without JavaScript, what was typed in them). */
const drawnFrom = (state: EditorState): Answers => ({
  ...state.carried,
  ...(state.answered ? { [state.answered]: state.answer } : {}),
});

/**
 * The event editor's one form (./actions.ts says why one): the sections inside it, drawn by the
 * page, read their answers with useEditorAnswer. With JavaScript an answer goes to its own section
 * only; the others keep what is in their fields.
 */
export function EventEditorForm({ action, children }: { action: FormAction<EditorState>; children: React.ReactNode }) {
  const { state, formProps, fieldsKept } = useKeptForm<EditorState>(action, {});
  const [answers, setAnswers] = useState(() => drawnFrom(state));
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    const { answered, answer } = state;
    if (answered) setAnswers((previous) => ({ ...previous, [answered]: answer ?? none }));
  }
  // A section's refusal is nested in the answer, where useKeptForm does not look: the person is
  // taken to its first marked field (its message says why), or else to its message.
  const form = formProps.ref;
  useEffect(() => {
    const refused = state.answer?.errors || state.answer?.message;
    if (!fieldsKept || !refused || !state.answered) return;
    const marked = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (marked) marked.focus();
    else form.current?.querySelector(`[data-section="${state.answered}"] [role="alert"]`)?.scrollIntoView({ block: "center" });
  }, [fieldsKept, state, form]);
  return (
    <form {...formProps} className="grid gap-6">
      {/* Said for the whole form: the post never reached the server (the venue's Wi-Fi dropped). */}
      <FormMessage message={state.message} />
      <Answers value={answers}>{children}</Answers>
    </form>
  );
}

/** This section's latest answer, from the editor's form. */
export function useEditorAnswer(section: EditorSection): SavedFormState {
  return useContext(Answers)[section] ?? none;
}
