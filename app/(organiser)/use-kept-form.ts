"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import type { FormState } from "@/app/ui/form";
import { readRefusal } from "@/lib/forms/refusal";
import { submittedFormData } from "./submitted-form-data";

/**
 * A server action a form posts to, with whatever it needs besides the form (the event's slug, a
 * brief's id) already bound, by a Server Component: `<StatusForm action={changeEventStatus.bind(null, slug)} />`.
 *
 * Never bind inside a Client Component. A server action bound on the client carries its bound
 * arguments as a new promise each render. When a form is posted without JavaScript and the page is
 * rendered again with the action's answer, React's server render asks that promise whether this
 * is the form that was posted; a pending promise suspends the component, the retry renders it
 * again, binds a new promise, suspends again: the process spins forever (vercel/next.js#57867).
 * Bound on the server, the action arrives as one value whose arguments are already there.
 * lib/forms/no-client-bind.test.ts keeps it that way; e2e/reliability/no-js-forms.spec.ts posts
 * every form without JavaScript.
 */
export type FormAction<State> = (state: State, form: FormData) => Promise<State>;

/**
 * useActionState, minus React's automatic form reset. A form submitted through its `action`
 * prop is cleared once the action returns; here the submission is dispatched from onSubmit
 * instead, so when the server says "try again" every field (passwords included, which are
 * never sent back) still holds what the person typed. Without JavaScript the `action` prop
 * still posts the form, and the echoed `values` refill it.
 * A post that never reaches the server (the venue's Wi-Fi dropped) is not an error page: the
 * form says so, and keeps every field as typed, ready to send again. A post the server refuses
 * before its action runs (too big, too busy, out of date: lib/forms/refusal.ts) says why,
 * in the server's words, and keeps every field too.
 */
export function useKeptForm<State extends FormState>(action: FormAction<State>, initial: State) {
  // States here are plain objects, never promises, so Awaited<State> is State.
  // Posted without JavaScript (the `action` prop): the server action itself, so it works before scripts load.
  const [posted, formAction, postedPending] = useActionState<State, FormData>(
    action as (state: Awaited<State>, form: FormData) => Promise<State>,
    initial as Awaited<State>,
  );
  // Sent by script (onSubmit): the same action, with a lost connection answered here.
  const [sent, send, sentPending] = useSentAction(action, initial);
  const [scripted, setScripted] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = submittedFormData(event.currentTarget, submitter);
    setScripted(true);
    startTransition(() => send(form));
  };
  // The form's answer may be far above the button just pressed: a refused save takes the person
  // to its first marked field (its message says why), or else to the form's message.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (scripted && (sent.errors || sent.message)) takeToAnswer(form.current);
  }, [scripted, sent]);
  return {
    state: scripted ? sent : posted,
    /** Whether the answer shown came to a post sent by script: the fields still hold what was typed, passwords too. */
    fieldsKept: scripted,
    pending: postedPending || sentPending,
    formProps: { action: formAction, onSubmit, noValidate: true, ref: form },
  };
}

/**
 * useActionState for an action sent by script: a post that never reaches the server, or that the
 * server refuses before its action runs, is answered in the form's own state (its message says
 * why), never thrown as an error page; the fields stay as typed, since nothing resets them.
 */
export function useSentAction<State extends FormState>(action: FormAction<State>, initial: State) {
  const t = useTranslations("ui.keptForm");
  // States here are plain objects, never promises, so Awaited<State> is State.
  return useActionState<State, FormData>(
    async (state, form) => {
      try {
        return (await action(state, form)) as Awaited<State>;
      } catch (error) {
        // A redirect or a page the action asked for is Next's to carry out, not a lost connection.
        if (isNavigation(error)) throw error;
        const refused = readRefusal(error);
        return { ...state, saved: undefined, message: refused?.message ?? t("unreachable") } as Awaited<State>;
      }
    },
    initial as Awaited<State>,
  );
}

/** To the first field the answer marks (its message says why), or else to its message. */
export function takeToAnswer(within: Element | null | undefined) {
  const marked = within?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (marked) marked.focus();
  else within?.querySelector('[role="alert"]')?.scrollIntoView({ block: "center" });
}

/** Next's redirect() and notFound() travel as thrown errors with a digest. */
function isNavigation(error: unknown) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
