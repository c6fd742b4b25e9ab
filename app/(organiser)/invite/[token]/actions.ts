"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { createAccount, newAccountSchema, prepareAccount } from "@/lib/accounts/create-account";
import { currentAccount, startAccountSession } from "@/lib/auth/web-session";
import { formArg, textArg } from "@/lib/forms/action-args";
import { type AcceptInviteResult, acceptInvite } from "@/lib/invites/accept-invite";
import { findInvite } from "@/lib/invites/find-invite";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { passwordsEnabled } from "@/lib/sso/settings";
import { echo, fieldErrors, fieldText } from "../../form-state";

const refusals: Record<Exclude<AcceptInviteResult, { ok: true }>["reason"], string> = {
  unknown: "This invitation link no longer works: it may have been revoked. Ask the organiser for a new one.",
  expired: "This invitation has expired. Ask the organiser for a new link.",
  used: "This invitation has already been used. Each link lets one person in; ask the organiser for a new one.",
};

export async function acceptInviteAction(token: string, _previous: FormState): Promise<FormState> {
  token = textArg(token);
  const account = await currentAccount();
  if (!account) return { message: "You've been signed out. Sign in again to accept the invitation." };
  const db = await sharedDatabase();
  const result = await db.transact((tx) => acceptInvite(tx, { token, accountId: account.id }));
  if (!result.ok) return { message: refusals[result.reason] };
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
  if (!passwordsEnabled())
    return { message: "Sign-in with a password is switched off here. Use the single sign-on button instead.", values };
  const parsed = newAccountSchema.safeParse({
    name: fieldText(form, "name"),
    email: fieldText(form, "email"),
    password: fieldText(form, "password"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const db = await sharedDatabase();
  // Answer a dead link before the slow password hash; the transaction below checks again.
  const invite = await findInvite(db.read, token);
  if (!invite) return { message: refusals.unknown, values };
  if (invite.status !== "valid") return { message: refusals[invite.status], values };

  const prepared = await prepareAccount(parsed.data);
  let accepted: { accountId: string; landing: string; broadcasts: Extract<AcceptInviteResult, { ok: true }>["broadcasts"] };
  try {
    accepted = await db.transact(async (tx) => {
      const created = await createAccount(tx, prepared);
      if (!created.ok) {
        throw new Refused({
          errors: { email: "There's already an account with this email. Sign in instead, then accept the invitation." },
          values,
        });
      }
      const result = await acceptInvite(tx, { token, accountId: created.accountId });
      if (!result.ok) throw new Refused({ message: refusals[result.reason], values });
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
