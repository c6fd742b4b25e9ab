"use client";

import { type FormEvent, startTransition, useActionState } from "react";
import type { FormState } from "@/app/ui/form";

/**
 * useActionState, minus React's automatic form reset. A form submitted through its `action`
 * prop is cleared once the action returns; here the submission is dispatched from onSubmit
 * instead, so when the server says "try again" every field (passwords included, which are
 * never sent back) still holds what the person typed. Without JavaScript the `action` prop
 * still posts the form, and the echoed `values` refill it.
 */
export function useKeptForm<State extends FormState>(action: (state: State, form: FormData) => Promise<State>, initial: State) {
  // States here are plain objects, never promises, so Awaited<State> is State.
  const [state, formAction, pending] = useActionState<State, FormData>(
    action as (state: Awaited<State>, form: FormData) => Promise<State>,
    initial as Awaited<State>,
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(form));
  };
  return { state, pending, formProps: { action: formAction, onSubmit, noValidate: true } };
}
