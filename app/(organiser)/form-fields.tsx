"use client";

import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { LengthCount, lengthCountShown } from "@/app/ui/length-count";

/** The form's main button; says what is happening while the server works. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "btn btn-primary",
  intent,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  className?: string;
  /** For a form with two buttons: posted as `intent`, so the answer can be said beside the one pressed. */
  intent?: string;
}) {
  const status = useFormStatus();
  // In a form with several buttons, only the one that sent it says it is saving.
  const sentBy = status.data?.get("intent");
  const pending = status.pending && (!intent || sentBy == null || sentBy === intent);
  return (
    <button
      type="submit"
      className={className}
      disabled={pending}
      aria-disabled={pending}
      name={intent ? "intent" : undefined}
      value={intent}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

/**
 * For a textarea or a select drawn again with a new default (another organiser's save) while it
 * still shows the old one: it shows the new. An input does this by itself; a textarea React filled
 * when it mounted, and a select, do not. One the person changed keeps what they chose.
 */
export function useFollowedDefault<E extends HTMLTextAreaElement | HTMLSelectElement>(defaultValue: string | undefined) {
  const field = useRef<E>(null);
  const shown = useRef(defaultValue ?? "");
  useEffect(() => {
    const next = defaultValue ?? "";
    // A textarea's value has LF line ends; stored text posted by a browser has CRLF.
    if (field.current && field.current.value === shown.current.replace(/\r\n?/g, "\n")) field.current.value = next;
    shown.current = next;
  }, [defaultValue]);
  return field;
}

/**
 * A tick box or radio button drawn again with a new default (another organiser's save): it shows
 * the new one while it still shows the old, and keeps what the person chose if they changed it.
 * React sets a box's tick when it mounts, after which the browser no longer follows the default.
 */
export function FollowedCheck(props: React.ComponentProps<"input"> & { defaultChecked: boolean }) {
  const box = useRef<HTMLInputElement>(null);
  const shown = useRef(props.defaultChecked);
  useEffect(() => {
    if (box.current && box.current.checked === shown.current) box.current.checked = props.defaultChecked;
    shown.current = props.defaultChecked;
  }, [props.defaultChecked]);
  return <input ref={box} {...props} />;
}

/** A multi-line TextField: same label, hint and error wiring; with `maxLength`, a count near the limit instead of a cut. */
export function TextArea(props: {
  name: string;
  label: string;
  hint?: string;
  rows?: number;
  maxLength?: number;
  defaultValue?: string;
  error?: string;
}) {
  const id = `field-${props.name}`;
  const area = useFollowedDefault<HTMLTextAreaElement>(props.defaultValue);
  const [length, setLength] = useState((props.defaultValue ?? "").length);
  // Another organiser's save may put new text in the box (useFollowedDefault): counted as it shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the default changes
  useEffect(() => setLength(area.current?.value.length ?? 0), [props.defaultValue]);
  const counted = props.maxLength !== undefined && lengthCountShown(length, props.maxLength);
  const describedBy = [props.hint ? `${id}-hint` : null, counted ? `${id}-count` : null, props.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {props.hint}
        </span>
      ) : null}
      <textarea
        ref={area}
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={props.defaultValue}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        aria-invalid={props.error || (props.maxLength !== undefined && length > props.maxLength) ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="field-input resize-y"
      />
      {props.maxLength !== undefined ? <LengthCount id={`${id}-count`} length={length} max={props.maxLength} /> : null}
      {props.error ? (
        <span id={`${id}-error`} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** Radio buttons in a fieldset, each option with a line of explanation. */
export function ChoiceGroup(props: {
  /** Makes the ids unique when two groups on a page share a field name. */
  idPrefix: string;
  name: string;
  legend: string;
  options: readonly { value: string; label: string; description: string }[];
  defaultValue?: string;
  error?: string;
}) {
  const errorId = `${props.idPrefix}-error`;
  return (
    <fieldset aria-describedby={props.error ? errorId : undefined}>
      <legend className="field-label">{props.legend}</legend>
      <div className="grid gap-2">
        {props.options.map((option) => {
          const id = `${props.idPrefix}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className="flex cursor-pointer items-start gap-3 rounded-xl border-2 border-line bg-white p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft/60"
            >
              <FollowedCheck
                id={id}
                type="radio"
                name={props.name}
                value={option.value}
                defaultChecked={props.defaultValue === option.value}
                className="mt-1 h-5 w-5 shrink-0 accent-brand"
              />
              <span>
                <span className="block font-semibold">{option.label}</span>
                <span className="block text-sm text-ink-soft">{option.description}</span>
              </span>
            </label>
          );
        })}
      </div>
      {props.error ? (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** A calm confirmation, announced politely (errors use FormMessage, which is assertive). */
export function SavedMessage({ message }: { message?: string }) {
  return (
    <p role="status" className={message ? "rounded-lg bg-brand-soft px-4 py-3 font-semibold text-brand-dark" : "sr-only"}>
      {message}
    </p>
  );
}
