import { TextField } from "@/app/ui/form";

/**
 * A new password, typed twice, as every form that sets one asks for it (set-up, a reset link,
 * "Change your password"): marked as new, so a browser offers to suggest and save one rather than
 * fill in the old.
 */
export function NewPasswordFields(props: { label: string; hint: string; again: string; errors?: Record<string, string> }) {
  return (
    <>
      <TextField
        name="password"
        label={props.label}
        hint={props.hint}
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={props.errors?.password}
      />
      <TextField
        name="confirm"
        label={props.again}
        type="password"
        autoComplete="new-password"
        maxLength={200}
        required
        error={props.errors?.confirm}
      />
    </>
  );
}
