"use client";

import { createContext, useContext, useEffect, useState } from "react";
import { FormMessage } from "@/app/ui/form";
import type { PageFormState } from "./page-form-answer";
import { type FormAction, useKeptForm } from "./use-kept-form";

type Answer = NonNullable<PageFormState["answer"]>;
type Answers = Record<string, Answer>;
const Answers = createContext<Answers>({});
/** One value for "no answer yet", so a part not answered is not drawn again (use-edit-basis.ts compares answers). */
const none: Answer = {};

/** The parts as the page is drawn: the one answered, and the others as posted (without JavaScript, what was typed in them). */
function drawnFrom(state: PageFormState, parts: readonly string[]): Answers {
  const carried = state.carried;
  const answers: Answers = {};
  if (carried) for (const part of parts) answers[part] = { values: carried, postedBasis: carried[`basis.${part}`] };
  if (state.answered) answers[state.answered] = state.answer ?? none;
  return answers;
}

/**
 * A page of several parts, each saved by its own button, as one form: two forms on a page post one
 * at a time, and without JavaScript the page came back without what was typed in the other. The
 * parts, drawn by the page inside it, read their answers with usePartAnswer; the server side is
 * page-form-answer.ts. With JavaScript an answer goes to its own part only; the others keep their fields.
 */
export function PageForm({
  action,
  parts,
  className,
  children,
}: {
  action: FormAction<PageFormState>;
  parts: readonly string[];
  className?: string;
  children: React.ReactNode;
}) {
  const { state, formProps, fieldsKept } = useKeptForm<PageFormState>(action, {});
  const [answers, setAnswers] = useState(() => drawnFrom(state, parts));
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    const { answered, answer } = state;
    if (answered) setAnswers((previous) => ({ ...previous, [answered]: answer ?? none }));
  }
  // A part's refusal is nested in the answer, where useKeptForm does not look: the person is taken
  // to its first marked field (its message says why), or else to its message.
  const form = formProps.ref;
  useEffect(() => {
    if (!fieldsKept || !state.answered || !(state.answer?.errors || state.answer?.message)) return;
    const part = form.current?.querySelector(`[data-part="${state.answered}"]`);
    const marked = part?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (marked) marked.focus();
    else part?.querySelector('[role="alert"]')?.scrollIntoView({ block: "center" });
  }, [fieldsKept, state, form]);
  return (
    <form {...formProps} onKeyDown={enterPressesOwnButton} className={className}>
      {/* The form's first button, which Enter presses without JavaScript: it names no part, so the
          page's own choice answers (page-form-answer.ts), never another part's first button. */}
      <button type="submit" name="intent" value="" hidden />
      {/* Said for the whole form: the post never reached the server (the venue's Wi-Fi dropped). */}
      <FormMessage message={state.message} />
      <Answers value={answers}>{children}</Answers>
    </form>
  );
}

/** This part's latest answer, from its page's form. */
export function usePartAnswer<State extends Answer>(part: string): State {
  return (useContext(Answers)[part] ?? none) as State;
}

/** A part's fields back to what the page drew, after its save (the form's other parts are left alone). */
export function resetPart(part: HTMLElement | null) {
  for (const field of part?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    "input, textarea, select",
  ) ?? []) {
    if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio"))
      field.checked = field.defaultChecked;
    else if (field instanceof HTMLInputElement && field.type === "file") field.value = "";
    else if (field instanceof HTMLSelectElement) for (const option of field.options) option.selected = option.defaultSelected;
    else if (!(field instanceof HTMLInputElement && field.type === "hidden")) field.value = field.defaultValue;
  }
}

/**
 * Enter in a part's field presses that part's own button: a form's Enter presses its first button,
 * another part's. Its own button is the part's last (a list of files has Remove buttons before its Upload).
 */
export function enterPressesOwnButton(event: React.KeyboardEvent<HTMLFormElement>) {
  if (event.key !== "Enter" || event.defaultPrevented || event.nativeEvent.isComposing) return;
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || ["button", "submit", "reset", "image", "file"].includes(field.type)) return;
  const own = field.closest("[data-part]")?.querySelectorAll<HTMLButtonElement>('button[type="submit"][name="intent"]');
  const button = own?.[own.length - 1];
  if (!button) return;
  event.preventDefault();
  event.currentTarget.requestSubmit(button);
}
