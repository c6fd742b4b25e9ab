"use client";

import { useTranslations } from "next-intl";
import {
  createContext,
  type FormEvent,
  type RefObject,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import type { PageFormState } from "./page-form-answer";
import { submittedFormData } from "./submitted-form-data";
import { type FormAction, takeToAnswer, useSentAction } from "./use-kept-form";

type Answer = NonNullable<PageFormState["answer"]>;
type Answers = Record<string, Answer>;
/** One value for "no answer yet", so a part not answered is not drawn again (use-edit-basis.ts compares answers). */
const none: Answer = {};

/** How a part sends the page's form by script: its own save, beside the other parts' (see usePartAnswer). */
type Sender = (posted: FormData, form: HTMLFormElement) => void;
type Page = {
  action: FormAction<PageFormState>;
  /** Each part's answer to the page posted without JavaScript: the one answered, and the others as typed. */
  posted: Answers;
  senders: Map<string, Sender>;
  form: RefObject<HTMLFormElement | null>;
};
const PageContext = createContext<Page | null>(null);

/** The parts as the page is drawn: the one answered, and the others as posted (without JavaScript, what was typed in them). */
function drawnFrom(state: PageFormState, parts: readonly string[]): Answers {
  const carried = state.carried;
  const answers: Answers = {};
  if (carried)
    for (const part of parts) answers[part] = { values: carried, postedBasis: carried[`basis.${part}`], carried: true };
  if (state.answered) answers[state.answered] = state.answer ?? none;
  return answers;
}

/**
 * A page of several parts, each saved by its own button, as one form: two forms on a page post one
 * at a time, and without JavaScript the page came back without what was typed in the other. The
 * parts, drawn by the page inside it, read their answers with usePartAnswer; the server side is
 * page-form-answer.ts.
 * With JavaScript each part is sent and answered on its own, as when each was a form of its own:
 * an answer draws only its own part again, from the part's own state.
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
  // Posted without JavaScript (or before the page's script ran): the server action itself, as the form's `action`.
  const [posted, formAction] = useActionState(action, {});
  const [answers, setAnswers] = useState(() => drawnFrom(posted, parts));
  const [seen, setSeen] = useState(posted);
  if (posted !== seen) {
    setSeen(posted);
    const { answered, answer } = posted;
    if (answered) setAnswers((previous) => ({ ...previous, [answered]: answer ?? none }));
  }
  const form = useRef<HTMLFormElement>(null);
  const [senders] = useState(() => new Map<string, Sender>());
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const part = submitter?.closest("[data-part]")?.getAttribute("data-part");
    senders.get(part ?? "")?.(submittedFormData(event.currentTarget, submitter), event.currentTarget);
  };
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} noValidate onKeyDown={enterPressesOwnButton} className={className}>
      {/* The form's first button, which Enter presses without JavaScript: it names no part, so the
          page's own choice answers (page-form-answer.ts), never another part's first button. */}
      <button type="submit" name="intent" value="" hidden />
      <PageContext value={{ action, posted: answers, senders, form }}>{children}</PageContext>
    </form>
  );
}

/**
 * This part's latest answer, and its own save by script. Its state lives here, in the part, as
 * when it was a form of its own: what is typed in it while its save is on its way is kept by
 * use-edit-basis.ts exactly as it was then. `mayGo`: false keeps the post from being sent (the
 * part has said why, at the field).
 */
export function usePartAnswer<State extends Answer>(
  part: string,
  mayGo?: (form: HTMLFormElement) => boolean,
): State & { carried?: true } {
  const page = useContext(PageContext);
  if (!page) throw new Error(`The part "${part}" is drawn outside its page's form.`);
  const { action, posted, senders, form } = page;
  const [sent, send] = useSentAction<Answer>(async (previous, fields) => {
    const answer = await action({}, fields);
    return (answer.answered === part ? answer.answer : undefined) ?? previous;
  }, none);
  useEffect(() => {
    senders.set(part, (fields, element) => {
      if (mayGo && !mayGo(element)) return;
      startTransition(() => send(fields));
    });
    return () => {
      senders.delete(part);
    };
  });
  // A refusal may be far above the button just pressed: the person is taken to it.
  useEffect(() => {
    if (sent !== none && (sent.errors || sent.message)) takeToAnswer(form.current?.querySelector(`[data-part="${part}"]`));
  }, [sent, part, form]);
  return (sent === none ? (posted[part] ?? none) : sent) as State;
}

/** Said at a part that came back as typed but not saved: which button saves it. */
export function UnsavedNote({ shown, button }: { shown: boolean; button: string }) {
  const t = useTranslations("organiser.pageForm");
  return shown ? <p className="rounded-xl bg-note-yellow p-3 font-semibold">{t("unsaved", { button })}</p> : null;
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
