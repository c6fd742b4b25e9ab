"use client";

import { type FormEvent, useState } from "react";

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
  /** For the form's onInput: a field named `x` or `x.N.key` (a list's row) is field `x`. */
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (name) edited(name.split(".")[0]!);
  };
  return { basis: JSON.stringify(basis), round, edited, onInput };
}
