"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmissionField } from "@/app/ui/submission-field";
import { ChoiceGroup, SubmitButton } from "../../form-fields";
import { type FormAction, useKeptForm } from "../../use-kept-form";
import type { InviteFormState } from "./actions";
import { CopyField } from "./copy-field";

const expiryDays = [1, 3, 7, 14] as const;

export function InviteForm({
  action,
  emailOn = false,
  defaultRole = "facilitator",
  submission,
}: {
  action: FormAction<InviteFormState>;
  emailOn?: boolean;
  defaultRole?: "facilitator" | "organiser";
  /** A fresh id each time the page is drawn: the same form sent twice makes (and emails) one invitation. */
  submission: string;
}) {
  const t = useTranslations("organiser.invite");
  const { state, formProps } = useKeptForm<InviteFormState>(action, {});
  const roles = [
    { value: "facilitator", label: t("facilitator"), description: t("facilitatorAbout") },
    { value: "organiser", label: t("organiser"), description: t("organiserAbout") },
  ];
  const expiries = expiryDays.map((days) => ({
    value: String(days),
    label: t("days", { count: days }),
    description: t(`days${days}About`),
  }));
  return (
    <div className="space-y-5">
      <form {...formProps} className="space-y-4">
        <SubmissionField id={submission} />
        <FormMessage message={state.message} />
        <ChoiceGroup
          idPrefix="invite-role"
          name="role"
          legend={t("roleLegend")}
          options={roles}
          defaultValue={state.values?.role ?? defaultRole}
          error={state.errors?.role}
        />
        <ChoiceGroup
          idPrefix="invite-expires"
          name="expires"
          legend={t("expiresLegend")}
          options={expiries}
          defaultValue={state.values?.expires ?? "7"}
          error={state.errors?.expires}
        />
        {emailOn ? (
          <TextField
            name="email"
            label={t("email")}
            hint={t("emailHint")}
            type="email"
            inputMode="email"
            autoCapitalize="none"
            maxLength={254}
            defaultValue={state.values?.email}
            error={state.errors?.email}
          />
        ) : null}
        <SubmitButton pendingLabel={t("pending")} className="btn btn-primary">
          {t("submit")}
        </SubmitButton>
      </form>
      {state.invite ? (
        <div className="space-y-2 rounded-xl border-2 border-brand bg-brand-soft/50 p-4">
          <CopyField id="invite-link" label={t("linkLabel", { role: state.invite.role })} value={state.invite.link} />
          {state.invite.emailedTo ? (
            <p role="status" className="font-semibold">
              {t("emailed", { email: state.invite.emailedTo })}
            </p>
          ) : null}
          <p className="text-sm">
            {t.rich("copyNow", { date: state.invite.expires, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
