"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { createAccount, newAccountSchema, prepareAccount } from "@/lib/accounts/create-account";
import { currentAccount, startAccountSession } from "@/lib/auth/web-session";
import { formArg, textArg } from "@/lib/forms/action-args";
import { type AcceptInviteResult, acceptInvite } from "@/lib/invites/accept-invite";
import { findInvite } from "@/lib/invites/find-invite";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { passwordsEnabled } from "@/lib/sso/settings";
import { echo, fieldText, localFieldErrors } from "../../form-state";

type Refusal = Exclude<AcceptInviteResult, { ok: true }>["reason"];

/** Why an invitation can't be used, in the request's language (account.json, invite.refusals). */
async function refusal(reason: Refusal): Promise<string> {
  const t = await getTranslations("account.invite.refusals");
  return t(reason);
}

export async function acceptInviteAction(token: string, _previous: FormState): Promise<FormState> {
  token = textArg(token);
  const account = await currentAccount();
  if (!account) return { message: (await getTranslations("account.invite"))("signedOut") };
  const db = await sharedDatabase();
  const result = await db.transact((tx) => acceptInvite(tx, { token, accountId: account.id }));
  if (!result.ok) return { message: await refusal(result.reason) };
  sharedRealtime()?.emitBroadcasts(result.broadcasts);
  redirect(result.landing);
}

/** Thrown inside the transaction to undo the new account when the invitation can't be used. */
class Refused extends Error {
  constructor(readonly state: FormState) {
    super("refused");
  }
}

export async function createAccountAndAccept(token: string, _previous: FormState, form: FormData): Promise<FormState> {
  token = textArg(token);
  form = formArg(form);
  const values = echo(form, ["name", "email"]);
  const t = await getTranslations("account");
  if (!passwordsEnabled()) return { message: t("passwordsOff"), values };
  const parsed = newAccountSchema.safeParse({
    name: fieldText(form, "name"),
    email: fieldText(form, "email"),
    password: fieldText(form, "password"),
  });
  if (!parsed.success) return { errors: await localFieldErrors(parsed.error), values };

  const db = await sharedDatabase();
  // Answer a dead link before the slow password hash; the transaction below checks again.
  const invite = await findInvite(db.read, token);
  if (!invite) return { message: await refusal("unknown"), values };
  if (invite.status !== "valid") return { message: await refusal(invite.status), values };

  const prepared = await prepareAccount(parsed.data);
  let accepted: { accountId: string; landing: string; broadcasts: Extract<AcceptInviteResult, { ok: true }>["broadcasts"] };
  try {
    accepted = await db.transact(async (tx) => {
      const created = await createAccount(tx, prepared);
      if (!created.ok) {
        throw new Refused({
          errors: { email: t("invite.emailTaken") },
          values,
        });
      }
      const result = await acceptInvite(tx, { token, accountId: created.accountId });
      if (!result.ok) throw new Refused({ message: t(`invite.refusals.${result.reason}`), values });
      return { accountId: created.accountId, landing: result.landing, broadcasts: result.broadcasts };
    });
  } catch (error) {
    if (error instanceof Refused) return error.state;
    throw error;
  }
  sharedRealtime()?.emitBroadcasts(accepted.broadcasts);
  await startAccountSession(accepted.accountId);
  redirect(accepted.landing);
}
