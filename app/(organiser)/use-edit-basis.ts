"use client";

import { type FormEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ListMemory } from "./list-editor";

type Fingerprints = Record<string, string>;
/** A control's words, or a tick box's or radio button's tick, as the person left it. */
type Typed = { name: string; value?: string; option?: string; checked?: boolean };

function putBack(form: HTMLFormElement, typed: Typed) {
  const found = form.elements.namedItem(typed.name);
  const controls = found instanceof RadioNodeList ? [...found] : found ? [found] : [];
  for (const control of controls) {
    if (typed.option !== undefined) {
      if (control instanceof HTMLInputElement && control.value === typed.option) control.checked = typed.checked ?? false;
    } else if (
      control instanceof HTMLInputElement ||
      control instanceof HTMLTextAreaElement ||
      control instanceof HTMLSelectElement
    ) {
      control.value = typed.value ?? "";
    }
  }
}
type Answer = { basis?: string; postedBasis?: string; saved?: string };

function fingerprints(basis: string | undefined): Fingerprints | null {
  if (!basis) return null;
  try {
    return JSON.parse(basis) as Fingerprints;
  } catch {
    return null;
  }
}

/**
 * The basis a merging form posts (lib/forms/edit-basis.ts), for a form whose untouched fields
 * follow other organisers' saves. `current` is the page's basis as last drawn, what the untouched
 * fields show. A field is merged against what it showed when the person first changed it: a field
 * that followed someone's save and was then edited builds on theirs, not a conflict with it.
 * After an answer that kept the form as posted (a conflict, a refusal) the fields no longer follow,
 * so the basis stays the answer's (refused before any merge: the one it was posted with). `round` changes with each answer that draws the fields again.
 * What the person typed or ticked while the answer was on its way is put back into the fields it
 * draws, still merged against what those fields showed when they typed; a list changed meanwhile
 * (rows added, moved, removed, typed in) is carried by the list itself through `lists`. `fieldOf`
 * names the field a control belongs to.
 */
export function useEditBasis(current: string, answer: Answer, fieldOf: (name: string) => string = (name) => name.split(".")[0]!) {
  const now = fingerprints(current) ?? {};
  // A refusal before any merge (a field to fix) carries the basis it was posted with: without
  // JavaScript the page is drawn anew from the answer, and its fields still show what was posted.
  const held = (a: Answer) => (a.saved ? null : fingerprints(a.basis ?? a.postedBasis));
  const [pins, setPins] = useState<Fingerprints>({});
  const [frozen, setFrozen] = useState<Fingerprints | null>(() => held(answer));
  const [seen, setSeen] = useState(answer);
  const [round, setRound] = useState(0);
  if (answer !== seen) {
    setSeen(answer);
    setPins({});
    setFrozen(held(answer) ?? (answer.saved ? null : { ...now, ...pins }));
    if (answer.saved || answer.basis) setRound((r) => r + 1);
  }
  const basis = frozen ?? { ...now, ...pins };
  const edited = (field: string) => {
    // Pinned already: no update at all. One that changes nothing is still queued by React, and a
    // queued update an answer's render passes over drops that render's own (the pins emptied):
    // the next save was then merged on the basis from before the last one.
    if (field in pins || !(field in now)) return;
    setPins((p) => (field in p ? p : { ...p, [field]: now[field]! }));
  };

  // Changed since the form was last sent, field by field: the basis it was changed over (none when
  // the field was among those sent: a save stores those words, and the answer's basis is theirs),
  // and each control's words or tick, by name (and value, for a tick box or a radio button).
  const form = useRef<HTMLFormElement | null>(null);
  // The part of the form this basis is for: a form of several sections, each with its own Save,
  // forgets what was typed here only when this part's button sent it.
  const part = useRef<Element | null>(null);
  const changedSinceSent = useRef(new Map<string, string | undefined>());
  const typedSinceSent = useRef(new Map<string, Typed>());
  const lists = useRef<ListMemory>({ sent: new Map(), edited: new Set(), shown: new Map() }).current;
  useEffect(() => {
    const sent = (event: Event) => {
      if (event.target !== form.current) return;
      const submitter = (event as SubmitEvent).submitter;
      if (submitter && part.current && !part.current.contains(submitter)) return;
      changedSinceSent.current.clear();
      typedSinceSent.current.clear();
    };
    document.addEventListener("submit", sent, true);
    return () => document.removeEventListener("submit", sent, true);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round is the fields drawn again
  useLayoutEffect(() => {
    const changed = [...changedSinceSent.current];
    if (changed.length === 0) return;
    if (form.current) for (const typed of typedSinceSent.current.values()) putBack(form.current, typed);
    setPins((p) => {
      const kept = { ...p };
      for (const [field, pin] of changed) {
        const over = pin ?? now[field];
        if (over !== undefined && !(field in kept)) kept[field] = over;
      }
      return kept;
    });
  }, [round]);

  const changed = (field: string) => {
    edited(field);
    if (!changedSinceSent.current.has(field)) changedSinceSent.current.set(field, field in pins ? undefined : now[field]);
  };

  /** For the form's onInput: a field named `x` or `x.N.key` (a list's row) is field `x`, unless `fieldOf` says otherwise. */
  const onInput = (event: FormEvent<HTMLElement>) => {
    part.current = event.currentTarget;
    form.current = event.currentTarget instanceof HTMLFormElement ? event.currentTarget : event.currentTarget.closest("form");
    const target = event.target as HTMLInputElement;
    const name = target.name;
    if (!name) return;
    changed(fieldOf(name));
    // A list's rows (`x.N.key`) are carried by the list itself (ListEditor's memory): a row moved since would take another's words here.
    if (name.includes(".")) return;
    if (target.type === "checkbox" || target.type === "radio") {
      typedSinceSent.current.set(`${name}\u0000${target.value}`, { name, option: target.value, checked: target.checked });
    } else if (target.type !== "file" && typeof target.value === "string") {
      typedSinceSent.current.set(name, { name, value: target.value });
    }
  };
  /** For a change the form's onInput does not hear (a list's row added, moved or removed). */
  const listEdited = (field: string, element: Element | null) => {
    form.current = element?.closest("form") ?? form.current;
    part.current = element?.closest("[data-part]") ?? part.current;
    changed(field);
  };
  return { basis: JSON.stringify(basis), round, edited: listEdited, onInput, lists };
}
