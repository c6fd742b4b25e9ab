"use client";

import { useState } from "react";
import { LengthCount, lineCountShown } from "@/app/ui/length-count";

/**
 * A single-line box with a length limit that takes everything typed or pasted and counts instead
 * of cutting: a `maxlength` drops the end of a paste without a word. The server refuses what is too
 * long with a message and gives the box back as typed, to shorten. Uncontrolled with
 * `defaultValue` (a form posted without JavaScript carries exactly what is in the box), or
 * controlled with `value`.
 */
export function CountedInput({
  maxLength,
  describedBy,
  defaultValue,
  invalid,
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "maxLength" | "aria-describedby" | "aria-invalid" | "defaultValue"> & {
  id: string;
  maxLength: number;
  /** The ids already describing the box (hint, error); the count's is added while it shows. */
  describedBy?: string;
  defaultValue?: string;
  invalid?: boolean;
}) {
  const [typed, setLength] = useState((defaultValue ?? "").length);
  // Controlled (`value`), or what was typed into it.
  const length = typeof input.value === "string" ? input.value.length : typed;
  const countId = `${input.id}-count`;
  const counted = lineCountShown(length, maxLength);
  const described = [describedBy, counted ? countId : null].filter(Boolean).join(" ");
  return (
    <>
      <input
        {...input}
        defaultValue={defaultValue}
        aria-invalid={invalid || length > maxLength ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(event) => {
          setLength(event.currentTarget.value.length);
          input.onInput?.(event);
        }}
      />
      <LengthCount id={countId} length={length} max={maxLength} shown={counted} />
    </>
  );
}
