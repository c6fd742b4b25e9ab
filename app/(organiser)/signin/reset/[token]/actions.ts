"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { newPasswordSchema } from "@/lib/accounts/create-account";
import { resetPassword } from "@/lib/accounts/password-reset";
import { formArg, textArg } from "@/lib/forms/action-args";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { passwordsEnabled } from "@/lib/sso/settings";
import { fieldText } from "../../../form-state";

export async function resetPasswordAction(token: string, _previous: FormState, form: FormData): Promise<FormState> {
  token = textArg(token);
  form = formArg(form);
  const t = await getTranslations("account.reset");
  // With passwords switched off, none is set (a single sign-on account would gain one).
  if (!passwordsEnabled()) return { message: (await getTranslations("account"))("passwordsOff") };
  const password = newPasswordSchema.safeParse(fieldText(form, "password"));
  if (!password.success) {
    const issue = password.error.issues[0]?.message;
    return { errors: { password: issue ? await inRequestLanguage(issue) : t("choose") } };
  }
  if (fieldText(form, "confirm") !== password.data) return { errors: { confirm: t("different") } };
  const revocations = await resetPassword(await sharedDatabase(), token, password.data);
  if (!revocations) return { message: t("used") };
  // Every session ended: their open consoles and screens close now, on every process.
  sharedRealtime()?.revoke(revocations);
  redirect("/signin?reset=1");
}
