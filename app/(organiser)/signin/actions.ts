"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { authenticate, signInSchema } from "@/lib/accounts/authenticate";
import { safeNextPath } from "@/lib/accounts/next-path";
import { retryMinutes } from "@/lib/accounts/sign-in-limiter";
import { endAccountSession, endEveryAccountSession, startAccountSession } from "@/lib/auth/web-session";
import { formArg } from "@/lib/forms/action-args";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { passwordsEnabled } from "@/lib/sso/settings";
import { echo, fieldText, localFieldErrors } from "../form-state";
import { signInLimiter } from "./limiter";

export async function signIn(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const values = echo(form, ["email"]);
  const t = await getTranslations("account");
  if (!passwordsEnabled()) return { message: t("passwordsOff"), values };
  const parsed = signInSchema.safeParse({ email: fieldText(form, "email"), password: fieldText(form, "password") });
  if (!parsed.success) return { errors: await localFieldErrors(parsed.error), values };

  const ip = (await headers()).get(clientIpHeader) ?? "unknown";
  const attempt = await signInLimiter().attempt(ip, parsed.data.email);
  if (!attempt.allowed) {
    return { message: t("signIn.tooManyAttempts", { minutes: retryMinutes(attempt.retryAfterMs) }), values };
  }

  const account = await authenticate((await sharedDatabase()).read, parsed.data);
  // Deliberately vague: saying which half was wrong would tell a stranger who has an account.
  if (!account) return { message: t("signIn.mismatch"), values };

  await signInLimiter().succeeded(ip, parsed.data.email);
  await startAccountSession(account.id);
  redirect(safeNextPath(form.get("next")));
}

export async function signOut() {
  await endAccountSession();
  redirect("/");
}

/** "Sign out everywhere" on Your events: every device this person is signed in on, this one too. */
export async function signOutEverywhere() {
  await endEveryAccountSession();
  redirect("/signin?signedOut=everywhere");
}
