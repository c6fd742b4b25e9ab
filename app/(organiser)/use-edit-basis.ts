"use client";

import { type FormEvent, useEffect, useLayoutEffect, useRef, useState } from "react";

type Fingerprints = Record<string, string>;
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
 * What the person typed while the answer was on its way is put back into the fields it draws,
 * still merged against what those fields showed when they typed.
 */
export function useEditBasis(current: string, answer: Answer) {
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
  const edited = (field: string) => setPins((p) => (field in p || !(field in now) ? p : { ...p, [field]: now[field]! }));

  // Typed since the form was last sent: by field name, its words and the basis it was typed over
  // (none when the field was among those sent: a save stores those words, and the answer's basis is theirs).
  const form = useRef<HTMLFormElement | null>(null);
  const typedSinceSent = useRef(new Map<string, { value: string; field: string; pin: string | undefined }>());
  useEffect(() => {
    const sent = (event: Event) => {
      if (event.target === form.current) typedSinceSent.current.clear();
    };
    document.addEventListener("submit", sent, true);
    return () => document.removeEventListener("submit", sent, true);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round is the fields drawn again
  useLayoutEffect(() => {
    const typed = [...typedSinceSent.current];
    if (typed.length === 0 || !form.current) return;
    for (const [name, { value }] of typed) {
      const field = form.current.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = value;
    }
    setPins((p) => {
      const kept = { ...p };
      for (const [, { field, pin }] of typed) {
        const over = pin ?? now[field];
        if (over !== undefined && !(field in kept)) kept[field] = over;
      }
      return kept;
    });
  }, [round]);

  /** For the form's onInput: a field named `x` or `x.N.key` (a list's row) is field `x`. */
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    form.current = event.currentTarget;
    const target = event.target as HTMLInputElement;
    const name = target.name;
    if (!name) return;
    const field = name.split(".")[0]!;
    edited(field);
    if (typeof target.value === "string" && target.type !== "checkbox" && target.type !== "radio" && target.type !== "file") {
      const before = typedSinceSent.current.get(name);
      typedSinceSent.current.set(name, {
        value: target.value,
        field,
        pin: before ? before.pin : field in pins ? undefined : now[field],
      });
    }
  };
  return { basis: JSON.stringify(basis), round, edited, onInput };
}
