import { CountedInput } from "@/app/ui/counted-input";

/** Form pieces shared by every form, so labels, hints and errors are always wired for screen readers. */
export type FormState = {
  /** Field name → message. */
  errors?: Record<string, string>;
  /** A message for the whole form. */
  message?: string;
  /** What the person typed, echoed back so nothing is lost on an error. */
  values?: Record<string, string>;
};

export function TextField(props: {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  defaultValue?: string;
  error?: string;
  autoFocus?: boolean;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  autoCapitalize?: string;
  className?: string;
}) {
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
  const box = {
    id,
    name: props.name,
    type: props.type ?? "text",
    autoComplete: props.autoComplete,
    required: props.required,
    defaultValue: props.defaultValue,
    inputMode: props.inputMode,
    autoCapitalize: props.autoCapitalize,
    className: "field-input",
  };
  return (
    <div className={props.className}>
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {props.hint}
        </span>
      ) : null}
      {props.maxLength === undefined ? (
        <input
          {...box}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy || undefined}
          // biome-ignore lint/a11y/noAutofocus: single-purpose forms (join, sign in) where focus is the point
          autoFocus={props.autoFocus}
        />
      ) : (
        // A limit is counted, not enforced by the box: a paste is never cut short.
        <CountedInput
          {...box}
          maxLength={props.maxLength}
          invalid={!!props.error}
          describedBy={describedBy || undefined}
          autoFocus={props.autoFocus}
        />
      )}
      {props.error ? (
        <span id={`${id}-error`} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function FormMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg border-2 border-danger bg-red-50 px-4 py-3 font-semibold text-danger">
      {message}
    </p>
  );
}

/**
 * A checkbox with its words beside it, big enough for a thumb, the whole row its tap target.
 * Takes the input's own attributes (name, value, checked/onChange or nothing, for a form with no
 * script); `children` are the words.
 */
export function CheckRow({
  children,
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "className" | "children"> & { children: React.ReactNode }) {
  return (
    <label className="flex cursor-pointer items-start gap-3">
      <input type="checkbox" {...input} className="mt-1 h-6 w-6 shrink-0 accent-brand" />
      <span>{children}</span>
    </label>
  );
}
