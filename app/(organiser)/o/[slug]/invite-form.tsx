"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { ChoiceGroup, SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";
import type { InviteFormState } from "./actions";
import { CopyField } from "./copy-field";

const roles = [
  {
    value: "facilitator",
    label: "Facilitator",
    description: "Runs the room on the day: phases, timer, boards, votes and presentations.",
  },
  {
    value: "organiser",
    label: "Co-organiser",
    description: "Everything a facilitator can do, plus publishing the event and inviting others.",
  },
] as const;

const expiries = [
  { value: "1", label: "1 day", description: "For someone helping tomorrow." },
  { value: "3", label: "3 days", description: "Enough for a weekend." },
  { value: "7", label: "7 days", description: "The usual." },
  { value: "14", label: "14 days", description: "For someone joining later in the planning." },
] as const;

export function InviteForm({
  action,
  emailOn = false,
  defaultRole = "facilitator",
}: {
  action: FormAction<InviteFormState>;
  emailOn?: boolean;
  defaultRole?: "facilitator" | "organiser";
}) {
  const { state, formProps } = useKeptForm<InviteFormState>(action, {});
  return (
    <div className="space-y-5">
      <form {...formProps} className="space-y-4">
        <FormMessage message={state.message} />
        <ChoiceGroup
          idPrefix="invite-role"
          name="role"
          legend="They will join as"
          options={roles}
          defaultValue={state.values?.role ?? defaultRole}
          error={state.errors?.role}
        />
        <ChoiceGroup
          idPrefix="invite-expires"
          name="expires"
          legend="The link works for"
          options={expiries}
          defaultValue={state.values?.expires ?? "7"}
          error={state.errors?.expires}
        />
        {emailOn ? (
          <TextField
            name="email"
            label="Their email (optional)"
            hint="We'll email them the link. Leave it empty to send it yourself."
            type="email"
            inputMode="email"
            autoCapitalize="none"
            maxLength={254}
            defaultValue={state.values?.email}
            error={state.errors?.email}
          />
        ) : null}
        <SubmitButton pendingLabel="Creating link…" className="btn btn-primary">
          Create invitation link
        </SubmitButton>
      </form>
      {state.invite ? (
        <div className="space-y-2 rounded-xl border-2 border-brand bg-brand-soft/50 p-4">
          <CopyField
            id="invite-link"
            label={`Invitation link for a ${state.invite.role === "organiser" ? "co-organiser" : "facilitator"}`}
            value={state.invite.link}
          />
          {state.invite.emailedTo ? (
            <p role="status" className="font-semibold">
              Emailed to {state.invite.emailedTo}.
            </p>
          ) : null}
          <p className="text-sm">
            <strong>Copy it now: it is shown only once.</strong> It works for one person and expires on {state.invite.expires}.
            Send it to them directly, not in a public channel.
          </p>
        </div>
      ) : null}
    </div>
  );
}
