"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { passwordChangeSchema } from "@/lib/accounts/change-password";
import { retryMinutes } from "@/lib/accounts/sign-in-limiter";
import { changeAccountPassword, currentAccount } from "@/lib/auth/web-session";
import { formArg } from "@/lib/forms/action-args";
import { sharedLogger } from "@/lib/observability/logger";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { passwordsEnabled } from "@/lib/sso/settings";
import { fieldText, localFieldErrors } from "../form-state";
import { signInLimiter } from "../signin/limiter";

export type PasswordChangeState = FormState & { saved?: string };

/**
 * "Change your password" on Your events, for the signed-in account only (there is no account to
 * name). Nothing typed comes back in the answer: passwords never return to the page.
 */
export async function changePasswordAction(_previous: PasswordChangeState, form: FormData): Promise<PasswordChangeState> {
  form = formArg(form);
  const t = await getTranslations("account.change");
  const account = await currentAccount();
  if (!account) return { message: t("signedOut") };
  // With passwords switched off nobody signs in with one, so none is set.
  if (!passwordsEnabled()) return { message: (await getTranslations("account"))("passwordsOff") };
  const parsed = passwordChangeSchema.safeParse({
    current: fieldText(form, "current"),
    password: fieldText(form, "password"),
    confirm: fieldText(form, "confirm"),
  });
  if (!parsed.success) return { errors: await localFieldErrors(parsed.error) };

  // Counted with sign-in's guesses at this account from this address: a session left open on a
  // shared computer gets no more tries at the password than the sign-in page gives anyone.
  const ip = (await headers()).get(clientIpHeader) ?? "unknown";
  const attempt = await signInLimiter().attempt(ip, account.email);
  if (!attempt.allowed) return { message: t("tooManyAttempts", { minutes: retryMinutes(attempt.retryAfterMs) }) };

  const outcome = await changeAccountPassword(account.id, { current: parsed.data.current, password: parsed.data.password });
  const log = sharedLogger().child({ reqId: (await headers()).get("x-request-id") ?? undefined, accountId: account.id });
  if (!outcome.ok) {
    log.info({ outcome: outcome.reason }, "password change refused");
    return { message: outcome.reason === "no_password" ? t("managedElsewhere") : t("wrongCurrent") };
  }
  await signInLimiter().succeeded(ip, account.email);
  log.info({ outcome: "ok", otherSessionsEnded: outcome.revocations.length }, "password changed");
  return { saved: t("done") };
}
